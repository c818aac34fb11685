// A TOC warning (shared/api/files.ts TocWarning) in the language shown, from its kind and
// parameters; the main side's English (shared/tocWarningText.ts) is for logs. No DOM, so a unit
// test checks every kind has words in English and Spanish.
import type { TocWarning } from '../../../shared/api/files'
import { describeError } from '../../components/errorText'
import { translate } from '../../i18n/translate'

/** Call during render so a language switch re-words it. */
export function tocWarningText(warning: TocWarning): string {
  const t = translate
  switch (warning.kind) {
    case 'tocIgnored':
      return t('files:toc.ignored', {
        format: warning.format,
        error: describeError(warning.error).title,
      })
    case 'fileRangeUnreadable':
      return t('files:toc.fileRangeUnreadable', {
        path: warning.path,
        start: warning.start,
        end: warning.end,
      })
    case 'fileDigestMismatch':
      return t('files:toc.fileDigestMismatch', {
        path: warning.path,
        expected: warning.expectedDigest,
        actual: warning.actualDigest,
      })
  }
}
