// Catalogue keys of lesson texts. Step texts sit under `<lesson>.steps.<n>`; the unit test
// checks every step of every lesson has one in both languages, so the key built here exists.
import type { lessons as english } from '../../i18n/en/lessons'
import type { LessonId } from './lessonCatalog'

type Catalogue = typeof english
export type StepTextKey = {
  [L in LessonId]: `${L}.steps.${keyof Catalogue[L]['steps'] & string}`
}[LessonId]

/** The key of step `index` (0-based) of a lesson. */
export function stepTextKey(lesson: LessonId, index: number): StepTextKey {
  return `${lesson}.steps.${index + 1}` as StepTextKey
}
