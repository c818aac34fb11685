// What the Open box checks before navigating: the text must parse as a source reference.
import { parseSourceRef } from '../../shared/sourceRef'

/** undefined when the input can be opened, otherwise the message to show under the box. */
export function validateSourceInput(input: string): string | undefined {
  const text = input.trim()
  if (!text) return 'Type an image reference, for example alpine:3.20 or oci:/path/to/layout:tag.'
  try {
    parseSourceRef(text)
    return undefined
  } catch (error) {
    return error instanceof Error ? error.message : String(error)
  }
}
