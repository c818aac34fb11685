// One-time download nonces for web mode. A nonce is made by an authenticated api request for
// one exact set of download arguments, lives a minute, and is spent by its first use, whatever
// that use asks for: a page on another origin can neither mint one nor replay one it saw.

import { randomBytes } from 'node:crypto'
import type { ApiResult } from '../../shared/errors'
import { toApiError } from '../../shared/errors'
import type { DownloadTicket } from '../../shared/api/webDownloadTicket'
import { readDownloadArgs } from '../files/downloads'

/** Long enough to start a download after a click, short enough that a leaked URL dies fast. */
export const TICKET_TTL_MS = 60_000
/** Unspent tickets kept at most; the oldest go first (a page cannot grow this without bound). */
export const MAX_TICKETS = 256

interface Ticket {
  readonly key: string
  readonly expiresAt: number
}

/** The arguments a ticket is bound to; throws BAD_INPUT like the download itself would. */
export function downloadKey(query: URLSearchParams): string {
  const args = readDownloadArgs(query)
  return JSON.stringify([args.ref, args.platform ?? null, args.layer ?? null, args.path])
}

export class DownloadTickets {
  private readonly tickets = new Map<string, Ticket>()

  constructor(private readonly now: () => number = Date.now) {}

  /** A fresh nonce for the download described by `query`. */
  issue(query: URLSearchParams): string {
    const key = downloadKey(query)
    this.sweep()
    while (this.tickets.size >= MAX_TICKETS) {
      const oldest = this.tickets.keys().next().value
      if (oldest === undefined) break
      this.tickets.delete(oldest)
    }
    const nonce = randomBytes(24).toString('base64url')
    this.tickets.set(nonce, { key, expiresAt: this.now() + TICKET_TTL_MS })
    return nonce
  }

  /** True once for a live nonce issued for these same arguments; the nonce is spent either way. */
  redeem(nonce: string | null, query: URLSearchParams): boolean {
    if (nonce === null) return false
    const ticket = this.tickets.get(nonce)
    if (!ticket) return false
    this.tickets.delete(nonce)
    if (ticket.expiresAt <= this.now()) return false
    let key: string
    try {
      key = downloadKey(query)
    } catch {
      return false
    }
    return key === ticket.key
  }

  get size(): number {
    return this.tickets.size
  }

  private sweep(): void {
    const now = this.now()
    for (const [nonce, ticket] of this.tickets) {
      if (ticket.expiresAt <= now) this.tickets.delete(nonce)
    }
  }
}

/** Answers a ticket request's body (`{ "query": "ref=…&path=…" }`) as ApiResult data. */
export function issueTicket(tickets: DownloadTickets, body: string): ApiResult<DownloadTicket> {
  let parsed: unknown
  try {
    parsed = JSON.parse(body)
  } catch {
    return { ok: false, error: { code: 'BAD_INPUT', message: 'The request body is not JSON.' } }
  }
  const query =
    typeof parsed === 'object' && parsed !== null && 'query' in parsed ? parsed.query : undefined
  if (typeof query !== 'string') {
    return {
      ok: false,
      error: { code: 'BAD_INPUT', message: 'A download ticket needs the download "query".' },
    }
  }
  try {
    return { ok: true, value: { nonce: tickets.issue(new URLSearchParams(query)) } }
  } catch (error) {
    return { ok: false, error: toApiError(error) }
  }
}
