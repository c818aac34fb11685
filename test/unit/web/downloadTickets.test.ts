// Download nonces: single use, bound to exact arguments, short-lived, bounded in number.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import {
  DownloadTickets,
  MAX_TICKETS,
  TICKET_TTL_MS,
  issueTicket,
} from '../../../electron/web/downloadTickets'
import { isOwnFetch } from '../../../electron/web/requestGuard'

const query = (s: string): URLSearchParams => new URLSearchParams(s)

test('a nonce opens its own download once', () => {
  const tickets = new DownloadTickets()
  const nonce = tickets.issue(query('ref=a:1&path=/etc/x'))
  assert.match(nonce, /^[\w-]{32}$/)
  assert.equal(tickets.redeem(nonce, query('ref=a:1&path=/etc/x')), true)
  assert.equal(tickets.redeem(nonce, query('ref=a:1&path=/etc/x')), false, 'spent')
  assert.equal(tickets.redeem(null, query('ref=a:1&path=/etc/x')), false)
  assert.equal(tickets.redeem('made-up', query('ref=a:1&path=/etc/x')), false)
})

test('a nonce is bound to every argument and spent by a wrong use', () => {
  const tickets = new DownloadTickets()
  const base = 'ref=a:1&platform=linux/amd64&layer=2&path=/etc/x'
  for (const other of [
    'ref=a:2&platform=linux/amd64&layer=2&path=/etc/x',
    'ref=a:1&platform=linux/arm64&layer=2&path=/etc/x',
    'ref=a:1&layer=2&path=/etc/x',
    'ref=a:1&platform=linux/amd64&path=/etc/x',
    'ref=a:1&platform=linux/amd64&layer=2&path=/etc',
    'ref=a:1&platform=linux/amd64&layer=2',
  ]) {
    const nonce = tickets.issue(query(base))
    assert.equal(tickets.redeem(nonce, query(other)), false, other)
    assert.equal(tickets.redeem(nonce, query(base)), false, `spent by ${other}`)
  }
  // Parameter order and extra parameters (the nonce itself) do not matter.
  const nonce = tickets.issue(query(base))
  assert.equal(tickets.redeem(nonce, query(`path=/etc/x&layer=2&nonce=${nonce}&${base}`)), true)
})

test('a nonce expires; unspent ones are capped, oldest dropped first', () => {
  let now = 1_000_000
  const tickets = new DownloadTickets(() => now)
  const late = tickets.issue(query('ref=a:1&path=/x'))
  now += TICKET_TTL_MS
  assert.equal(tickets.redeem(late, query('ref=a:1&path=/x')), false, 'expired')
  const first = tickets.issue(query('ref=a:1&path=/first'))
  for (let i = 0; i < MAX_TICKETS + 50; i++) tickets.issue(query(`ref=a:1&path=/f${i}`))
  assert.equal(tickets.size, MAX_TICKETS)
  assert.equal(tickets.redeem(first, query('ref=a:1&path=/first')), false, 'dropped')
})

test('ticket requests: arguments are checked like the download itself', () => {
  const tickets = new DownloadTickets()
  const ok = issueTicket(tickets, JSON.stringify({ query: '?ref=a:1&path=/x' }))
  assert.equal(ok.ok, true)
  for (const body of ['{', '[]', '{"query":5}', JSON.stringify({ query: 'ref=a:1' })]) {
    const failed = issueTicket(tickets, body)
    assert.equal(failed.ok, false, body)
    assert.equal(failed.ok ? '' : failed.error.code, 'BAD_INPUT', body)
  }
})

test('Sec-Fetch-Site: only our own pages and the user’s own navigation', () => {
  assert.equal(isOwnFetch('same-origin'), true)
  assert.equal(isOwnFetch('none'), true)
  assert.equal(isOwnFetch(undefined), true, 'not a browser: the token decides')
  assert.equal(isOwnFetch('same-site'), false, 'another 127.0.0.1 port')
  assert.equal(isOwnFetch('cross-site'), false)
  assert.equal(isOwnFetch(['same-origin', 'same-origin']), false)
})
