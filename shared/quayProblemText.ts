// Why Quay's tag history was not merged, in English: for logs and tests that read text. The
// renderer words it from the history catalogue instead (renderer/features/history/quayText.ts).
import type { QuayProblem } from './api/history'

export function englishQuayProblem(problem: QuayProblem): string {
  switch (problem.kind) {
    case 'timeout':
      return `Quay's tag history did not answer within ${problem.seconds} s`
    case 'failed':
      return problem.error.message
  }
}
