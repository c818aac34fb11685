// Quay registries keep their own tag history; say whether it was merged into the timeline.
import type { HistoryTimeline } from '../../../shared/api'

export function QuayStatusLine({ quay }: { readonly quay: HistoryTimeline['quay'] }) {
  if (!quay) return null
  return (
    <p className="hint quay-status" data-testid="history-quay">
      {quay.merged
        ? 'Quay’s server-side tag history is merged in (it reaches back before Strata first looked).'
        : `Quay’s server-side tag history could not be merged${quay.problem ? `: ${quay.problem}` : ''}. The timeline shows Strata’s own observations only.`}
    </p>
  )
}
