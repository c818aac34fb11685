// Rate-limit and Retry-After headers. Registries send them in several dialects:
//   RateLimit-Limit: 100;w=21600      (Docker Hub; the IETF draft without the ";w=" window)
//   RateLimit-Remaining: 76;w=21600
//   RateLimit-Reset: 3600             (seconds until the window resets)
//   RateLimit: limit=100, remaining=50, reset=30   (later IETF drafts, one header)
//   X-RateLimit-Limit / -Remaining / -Reset         (older convention; Reset may be epoch time)
// Header names arrive lowercased from undici.

import type { RateLimitInfo } from '../../shared/api'

export type HeaderBag = Readonly<Record<string, string | string[] | undefined>>

/**
 * Does a response carry any rate-limit header? A cheap check made on every response; the
 * parsing itself waits until someone asks (see RegistryClient.rateLimit).
 */
export function hasRateLimitHeaders(headers: HeaderBag): boolean {
  for (const name in headers) {
    if (headers[name] !== undefined && RATELIMIT_NAME.test(name)) return true
  }
  return false
}

const RATELIMIT_NAME = /ratelimit/i

/** Anything above this is an epoch timestamp rather than a number of seconds. */
const EPOCH_THRESHOLD = 1_000_000_000

/** RateLimitInfo from a response's headers, or undefined when it sent none. */
export function parseRateLimit(
  host: string,
  headers: HeaderBag,
  nowMs: number = Date.now(),
): RateLimitInfo | undefined {
  const raw: Record<string, string> = {}
  for (const [name, value] of Object.entries(headers)) {
    const lower = name.toLowerCase()
    if (value === undefined) continue
    if (lower.includes('ratelimit')) raw[lower] = headerText(value)
  }
  if (Object.keys(raw).length === 0) return undefined

  const combined = parseCombined(raw.ratelimit)
  const limit = firstNumber(raw['ratelimit-limit'] ?? raw['x-ratelimit-limit']) ?? combined.limit
  const remaining =
    firstNumber(raw['ratelimit-remaining'] ?? raw['x-ratelimit-remaining']) ?? combined.remaining
  let resetSeconds =
    firstNumber(raw['ratelimit-reset'] ?? raw['x-ratelimit-reset']) ?? combined.reset
  if (resetSeconds !== undefined && resetSeconds > EPOCH_THRESHOLD) {
    resetSeconds = Math.max(0, Math.ceil(resetSeconds - nowMs / 1000))
  }
  return {
    host,
    ...(limit !== undefined ? { limit } : {}),
    ...(remaining !== undefined ? { remaining } : {}),
    ...(resetSeconds !== undefined ? { resetSeconds } : {}),
    raw,
  }
}

/**
 * Retry-After as whole seconds to wait: either delay-seconds or an HTTP-date (RFC 9110
 * §10.2.3). Undefined when missing or unreadable.
 */
export function parseRetryAfter(
  value: string | readonly string[] | undefined,
  nowMs: number = Date.now(),
): number | undefined {
  if (value === undefined) return undefined
  const text = headerText(value).trim()
  if (text === '') return undefined
  if (/^\d+$/.test(text)) return Number(text)
  // An HTTP-date always starts with a weekday name; Date.parse accepts far more than that.
  if (!/^[A-Za-z]{3,9},? /.test(text)) return undefined
  const at = Date.parse(text)
  if (Number.isNaN(at)) return undefined
  return Math.max(0, Math.ceil((at - nowMs) / 1000))
}

function headerText(value: string | readonly string[]): string {
  return typeof value === 'string' ? value : value.join(', ')
}

/** "100;w=21600" → 100, "76" → 76, "" → undefined. */
function firstNumber(value: string | undefined): number | undefined {
  if (value === undefined) return undefined
  const head = value.split(/[;,]/)[0]?.trim() ?? ''
  if (!/^\d+(\.\d+)?$/.test(head)) return undefined
  return Number(head)
}

function parseCombined(value: string | undefined): {
  limit?: number
  remaining?: number
  reset?: number
} {
  if (value === undefined) return {}
  const out: { limit?: number; remaining?: number; reset?: number } = {}
  for (const part of value.split(/[,;]/)) {
    const [key, val] = part.split('=').map((s) => s.trim().toLowerCase())
    if (val === undefined || !/^\d+$/.test(val)) continue
    const n = Number(val)
    if (key === 'limit') out.limit = n
    else if (key === 'remaining' || key === 'r') out.remaining = n
    else if (key === 'reset' || key === 't') out.reset = n
  }
  return out
}
