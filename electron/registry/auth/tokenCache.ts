// Bearer tokens by (registry, realm, service, scope, identity), kept until they expire. The
// identity is the username or "anonymous" – never a secret. One cache is shared by every
// client in a pool, so a token fetched for one screen is reused by the next.

export interface TokenKey {
  readonly host: string
  readonly realm: string
  readonly service: string
  readonly scope: string
  /** Whose token it is: a username, "token" or "anonymous". */
  readonly identity: string
}

export interface TokenResponseTimes {
  /** Seconds the token is valid for; the spec's default is 60. */
  readonly expiresIn?: number
  /** RFC 3339 time the token was issued. */
  readonly issuedAt?: string
}

/** distribution-spec: a token without expires_in is good for 60 seconds. */
export const DEFAULT_TOKEN_LIFETIME_SECONDS = 60
/** Refresh this long before the stated expiry, to absorb clock skew and request time. */
const EXPIRY_MARGIN_MS = 5_000

interface CachedToken {
  readonly token: string
  readonly expiresAtMs: number
}

export class TokenCache {
  private readonly tokens = new Map<string, CachedToken>()

  constructor(private readonly now: () => number = Date.now) {}

  get(key: TokenKey): string | undefined {
    const id = keyId(key)
    const cached = this.tokens.get(id)
    if (cached === undefined) return undefined
    if (cached.expiresAtMs <= this.now()) {
      this.tokens.delete(id)
      return undefined
    }
    return cached.token
  }

  set(key: TokenKey, token: string, times: TokenResponseTimes = {}): void {
    const expiresAtMs = expiryOf(times, this.now())
    if (expiresAtMs <= this.now()) return // already stale: do not keep it
    this.tokens.set(keyId(key), { token, expiresAtMs })
  }

  delete(key: TokenKey): void {
    this.tokens.delete(keyId(key))
  }

  /** Forgets every token for a registry (after its credentials change). */
  clearHost(host: string): void {
    for (const id of [...this.tokens.keys()]) {
      if (id.startsWith(`${host}\u0000`)) this.tokens.delete(id)
    }
  }

  get size(): number {
    return this.tokens.size
  }
}

/** When a token stops being usable, in epoch milliseconds. */
export function expiryOf(times: TokenResponseTimes, nowMs: number): number {
  const lifetime =
    times.expiresIn !== undefined && Number.isFinite(times.expiresIn) && times.expiresIn > 0
      ? times.expiresIn
      : DEFAULT_TOKEN_LIFETIME_SECONDS
  let issuedMs = nowMs
  if (times.issuedAt !== undefined) {
    const parsed = Date.parse(times.issuedAt)
    // A server clock far ahead of ours would make a token look valid for too long.
    if (!Number.isNaN(parsed) && parsed <= nowMs) issuedMs = parsed
  }
  const margin = Math.min(EXPIRY_MARGIN_MS, (lifetime * 1000) / 10)
  return issuedMs + lifetime * 1000 - margin
}

function keyId(key: TokenKey): string {
  return [key.host, key.realm, key.service, key.scope, key.identity].join('\u0000')
}
