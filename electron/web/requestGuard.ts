// Web mode answers only this machine's browser holding this launch's token. Three checks on
// every request: the Host header names our loopback address (defeats DNS rebinding), an Origin
// header, when sent, is our own origin (defeats cross-site requests), and the token matches.

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

/** Name of the cookie that lets the page load its own scripts after the first visit. */
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
