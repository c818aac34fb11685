// Quay registries keep their own tag history; say whether it was merged into the timeline.
import { useTranslation } from 'react-i18next'
import type { HistoryTimeline } from '../../../shared/api'
import { quayStatusText } from './quayText'

export function QuayStatusLine({ quay }: { readonly quay: HistoryTimeline['quay'] }) {
  // Subscribes the line to language changes: quayStatusText words it in the language shown.
  useTranslation('history')
  if (!quay) return null
  return (
    <p className="hint quay-status" data-testid="history-quay">
      {quayStatusText(quay)}
    </p>
  )
}
