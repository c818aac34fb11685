import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'

interface RetryButtonProps {
  readonly onRetry: () => void
  /** Seconds the server asked us to wait (RATE_LIMITED): the button counts down first. */
  readonly waitSeconds?: number | undefined
}

export function RetryButton({ onRetry, waitSeconds }: RetryButtonProps) {
  const { t } = useTranslation('errors')
  const [remaining, setRemaining] = useState(Math.max(0, Math.ceil(waitSeconds ?? 0)))

  useEffect(() => {
    if (remaining <= 0) return
    const timer = window.setTimeout(() => setRemaining((s) => s - 1), 1000)
    return () => window.clearTimeout(timer)
  }, [remaining])

  return (
    <button type="button" className="button-primary" disabled={remaining > 0} onClick={onRetry}>
      {remaining > 0 ? t('retry.retryIn', { seconds: remaining }) : t('retry.retry')}
    </button>
  )
}
