import type { RateLimitInfo } from '../../shared/api'

/** One quiet status line with the rate-limit headers a registry sent, when it sent any. */
export function RateLimitLine({ info }: { readonly info: RateLimitInfo | undefined }) {
  if (!info) return null
  const parts: string[] = []
  if (info.remaining !== undefined && info.limit !== undefined) {
    parts.push(`${info.remaining} of ${info.limit} requests left`)
  } else if (info.remaining !== undefined) {
    parts.push(`${info.remaining} requests left`)
  } else if (info.limit !== undefined) {
    parts.push(`limit ${info.limit} requests`)
  }
  if (info.resetSeconds !== undefined) parts.push(`resets in ${info.resetSeconds} s`)
  const raw = Object.entries(info.raw)
    .map(([name, value]) => `${name}: ${value}`)
    .join('\n')
  return (
    <p className="rate-limit-line" title={raw || undefined}>
      <span className="rate-limit-host">{info.host}</span> rate limit:{' '}
      {parts.length > 0 ? parts.join(', ') : 'headers present'}
    </p>
  )
}
