// What the Open box checks before navigating: the text must parse as a source reference.
import { StrataError } from '../../shared/errors'
import { parseSourceRef } from '../../shared/sourceRef'
import { referenceProblemText } from '../components/referenceProblemText'
import { translate } from '../i18n/translate'

/** undefined when the input can be opened, otherwise the message to show under the box. */
export function validateSourceInput(input: string): string | undefined {
  const text = input.trim()
  if (!text) return translate('frame:open.empty')
  try {
    parseSourceRef(text)
    return undefined
  } catch (error) {
    // The parsers say why as a code with its data, worded here in the language shown.
    const problem = error instanceof StrataError ? error.detail?.referenceProblem : undefined
    if (problem === undefined) return translate('frame:open.cannotParseExamples')
    return translate('frame:open.cannotParse', { reason: referenceProblemText(problem) })
  }
}
