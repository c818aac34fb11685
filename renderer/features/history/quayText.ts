// Whether Quay's own tag history was merged into the timeline, in the language shown, worded
// from the status's code and data (shared/api/history.ts QuayMergeStatus). A failure is worded
// from its error code; its English message is for logs. No DOM, so a unit test can check that
// every kind has words in each language.
import type { QuayMergeStatus, QuayProblem } from '../../../shared/api'
import { describeError } from '../../components/errorText'
import { translate } from '../../i18n/translate'

export function quayProblemText(problem: QuayProblem): string {
  switch (problem.kind) {
    case 'timeout':
      return translate('history:quay.problem.timeout', { count: problem.seconds })
    case 'failed':
      return describeError(problem.error).title
  }
}

export function quayStatusText(quay: QuayMergeStatus): string {
  if (quay.merged) return translate('history:quay.merged')
  return quay.problem !== undefined
    ? translate('history:quay.notMergedBecause', { problem: quayProblemText(quay.problem) })
    : translate('history:quay.notMerged')
}
