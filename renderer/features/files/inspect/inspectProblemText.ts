// What files:inspect could not read of a file (shared/api/files.ts InspectProblem) in the
// language shown, from its kind and parameters; the main side's English
// (shared/inspectProblemText.ts) is for logs. No DOM, so a unit test checks every kind.
import type { InspectProblem } from '../../../../shared/api/files'
import { formatSize } from '../../../i18n/format'
import { currentLanguage, translate } from '../../../i18n/translate'

/** Call during render so a language switch re-words it. */
export function inspectProblemText(problem: InspectProblem): string {
  const t = translate
  switch (problem.kind) {
    case 'elfNoMagic':
      return t('files:inspect.problem.elfNoMagic')
    case 'elfUnknownClass':
      return t('files:inspect.problem.elfUnknownClass', { value: problem.value })
    case 'elfUnknownEncoding':
      return t('files:inspect.problem.elfUnknownEncoding', { value: problem.value })
    case 'elfHeaderCutShort':
      return t('files:inspect.problem.elfHeaderCutShort')
    case 'elfFieldOutOfRange':
      return t('files:inspect.problem.elfFieldOutOfRange', {
        field: t(`files:inspect.field.${problem.field}`),
      })
    case 'elfPartTooLarge':
      return t('files:inspect.problem.elfPartTooLarge', {
        part: t(`files:inspect.part.${problem.part}`),
        limit: formatSize(problem.limitBytes, currentLanguage()),
      })
    case 'elfPartOutsideFile':
      return t('files:inspect.problem.elfPartOutsideFile', {
        part: t(`files:inspect.part.${problem.part}`),
      })
    case 'elfPartCutShort':
      return t('files:inspect.problem.elfPartCutShort', {
        part: t(`files:inspect.part.${problem.part}`),
      })
    case 'elfEntriesTooSmall':
      return problem.table === 'programHeaders'
        ? t('files:inspect.problem.elfEntriesTooSmallProgram', { bytes: problem.entryBytes })
        : t('files:inspect.problem.elfEntriesTooSmallSection', { bytes: problem.entryBytes })
    case 'elfNoDynamicStrings':
      return t('files:inspect.problem.elfNoDynamicStrings')
    case 'pemBlockUndecodable':
      return problem.cause !== undefined
        ? t('files:inspect.problem.pemBlockUndecodableCause', {
            block: problem.block,
            label: problem.label,
            cause: problem.cause,
          })
        : t('files:inspect.problem.pemBlockUndecodable', {
            block: problem.block,
            label: problem.label,
          })
  }
}
