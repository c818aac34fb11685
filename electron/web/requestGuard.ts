// Web mode answers only this machine's browser holding this launch's token. Checks on every
// request: the Host header names our loopback address (defeats DNS rebinding), an Origin
// header, when sent, is our own origin (defeats cross-site requests), and the token matches.
// The api paths also refuse what a browser marks as coming from another origin (Sec-Fetch-Site),
// which catches the GETs an Origin header never comes with (`<img src>`, links).

import { timingSafeEqual } from 'node:crypto'

export interface GuardConfig {
  readonly port: number
  readonly token: string
}

export function allowedHosts(port: number): readonly string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`]
}

export function isAllowedHost(hostHeader: string | undefined, port: number): boolean {
  if (hostHeader === undefined) return false
  return allowedHosts(port).includes(hostHeader.toLowerCase())
}

/** An absent Origin is fine (same-origin GETs, curl); a present one must be ours. */
export function isAllowedOrigin(originHeader: string | undefined, port: number): boolean {
  if (originHeader === undefined) return true
  return allowedHosts(port).some((host) => originHeader.toLowerCase() === `http://${host}`)
}

export function tokensMatch(candidate: string | undefined, token: string): boolean {
  if (candidate === undefined) return false
  const a = Buffer.from(candidate)
  const b = Buffer.from(token)
  return a.length === b.length && timingSafeEqual(a, b)
}

/**
 * Browsers say in Sec-Fetch-Site who started a request, and a page cannot forge it. Our own
 * pages send "same-origin" and the user's own navigation "none"; a page on another 127.0.0.1
 * port is "same-site" (cookies go along) and is refused like any other site. Absent: not a
 * browser (curl, the tests), which then needs the token like everyone else.
 */
export function isOwnFetch(secFetchSite: string | string[] | undefined): boolean {
  if (secFetchSite === undefined) return true
  return secFetchSite === 'same-origin' || secFetchSite === 'none'
}

/**
 * Name of the cookie that lets the page load its own scripts after the first visit. Its value
 * is a session id of its own, never the token: cookies are not scoped by port, so every other
 * server on 127.0.0.1 the browser visits receives it, and it must open nothing but static files.
 */
export function sessionCookieName(port: number): string {
  return `strata_session_${port}`
}

export function readCookie(cookieHeader: string | undefined, name: string): string | undefined {
  if (!cookieHeader) return undefined
  for (const part of cookieHeader.split(';')) {
    const [key, ...rest] = part.trim().split('=')
    if (key === name) return rest.join('=')
  }
  return undefined
}
