// What the Open box checks before navigating: the text must parse as a source reference.
import { parseSourceRef } from '../../shared/sourceRef'
import { currentLanguage, translate } from '../i18n/translate'

/** undefined when the input can be opened, otherwise the message to show under the box. */
export function validateSourceInput(input: string): string | undefined {
  const text = input.trim()
  if (!text) return translate('frame:open.empty')
  try {
    parseSourceRef(text)
    return undefined
  } catch (error) {
    // The parser's reason is English (shared/ has no catalogues): it is shown in English only,
    // as ErrorPanel shows the main side's message; other languages get examples instead.
    if (currentLanguage() !== 'en') return translate('frame:open.cannotParseExamples')
    const reason = error instanceof Error ? error.message : String(error)
    return translate('frame:open.cannotParse', { reason })
  }
}
