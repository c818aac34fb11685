// Quay registries keep their own tag history; say whether it was merged into the timeline.
import { useTranslation } from 'react-i18next'
import type { HistoryTimeline } from '../../../shared/api'

export function QuayStatusLine({ quay }: { readonly quay: HistoryTimeline['quay'] }) {
  const { t } = useTranslation('history')
  if (!quay) return null
  return (
    <p className="hint quay-status" data-testid="history-quay">
      {quay.merged
        ? t('quay.merged')
        : quay.problem
          ? t('quay.notMergedBecause', { problem: quay.problem })
          : t('quay.notMerged')}
    </p>
  )
}
