import { useTranslation } from 'react-i18next'
import type { RateLimitInfo } from '../../shared/api'

/** One quiet status line with the rate-limit headers a registry sent, when it sent any. */
export function RateLimitLine({ info }: { readonly info: RateLimitInfo | undefined }) {
  const { t } = useTranslation('common')
  if (!info) return null
  const parts: string[] = []
  if (info.remaining !== undefined && info.limit !== undefined) {
    parts.push(t('rateLimit.remainingOfLimit', { remaining: info.remaining, limit: info.limit }))
  } else if (info.remaining !== undefined) {
    parts.push(t('rateLimit.remaining', { remaining: info.remaining }))
  } else if (info.limit !== undefined) {
    parts.push(t('rateLimit.limit', { limit: info.limit }))
  }
  if (info.resetSeconds !== undefined) {
    parts.push(t('rateLimit.resets', { seconds: info.resetSeconds }))
  }
  const raw = Object.entries(info.raw)
    .map(([name, value]) => `${name}: ${value}`)
    .join('\n')
  return (
    <p className="rate-limit-line" title={raw || undefined}>
      <span className="rate-limit-host">{info.host}</span> {t('rateLimit.label')}{' '}
      {parts.length > 0 ? parts.join(', ') : t('rateLimit.headersPresent')}
    </p>
  )
}
