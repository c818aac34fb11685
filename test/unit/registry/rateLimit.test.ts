import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { parseRateLimit, parseRetryAfter } from '../../../electron/registry/rateLimit'

const now = Date.parse('2025-01-01T00:00:00Z')

describe('parseRateLimit', () => {
  it("reads Docker Hub's headers with a window suffix", () => {
    const info = parseRateLimit('docker.io', {
      'ratelimit-limit': '100;w=21600',
      'ratelimit-remaining': '76;w=21600',
      'docker-ratelimit-source': '203.0.113.1',
      'content-type': 'application/json',
    })
    assert.deepEqual(info, {
      host: 'docker.io',
      limit: 100,
      remaining: 76,
      raw: {
        'ratelimit-limit': '100;w=21600',
        'ratelimit-remaining': '76;w=21600',
        'docker-ratelimit-source': '203.0.113.1',
      },
    })
  })

  it('reads the IETF draft headers including the reset', () => {
    const info = parseRateLimit('r.example', {
      'RateLimit-Limit': '100',
      'RateLimit-Remaining': '0',
      'RateLimit-Reset': '42',
    })
    assert.equal(info?.limit, 100)
    assert.equal(info?.remaining, 0)
    assert.equal(info?.resetSeconds, 42)
  })

  it('reads the combined RateLimit header and X-RateLimit with an epoch reset', () => {
    const combined = parseRateLimit('a', { ratelimit: 'limit=10, remaining=3, reset=7' })
    assert.deepEqual([combined?.limit, combined?.remaining, combined?.resetSeconds], [10, 3, 7])
    const epoch = parseRateLimit(
      'b',
      { 'x-ratelimit-limit': '60', 'x-ratelimit-reset': String(now / 1000 + 90) },
      now,
    )
    assert.equal(epoch?.limit, 60)
    assert.equal(epoch?.resetSeconds, 90)
  })

  it('is undefined without rate-limit headers and skips unreadable numbers', () => {
    assert.equal(parseRateLimit('a', { 'content-length': '3' }), undefined)
    const odd = parseRateLimit('a', { 'ratelimit-limit': 'lots' })
    assert.equal(odd?.limit, undefined)
    assert.deepEqual(odd?.raw, { 'ratelimit-limit': 'lots' })
  })
})

describe('parseRetryAfter', () => {
  it('reads delay-seconds', () => {
    assert.equal(parseRetryAfter('120'), 120)
    assert.equal(parseRetryAfter(' 0 '), 0)
    assert.equal(parseRetryAfter(['5']), 5)
  })

  it('reads an HTTP date relative to now, never negative', () => {
    assert.equal(parseRetryAfter('Wed, 01 Jan 2025 00:00:30 GMT', now), 30)
    assert.equal(parseRetryAfter('Tue, 31 Dec 2024 23:00:00 GMT', now), 0)
  })

  it('is undefined for missing or unreadable values', () => {
    assert.equal(parseRetryAfter(undefined), undefined)
    assert.equal(parseRetryAfter(''), undefined)
    assert.equal(parseRetryAfter('-5'), undefined)
    assert.equal(parseRetryAfter('1.5'), undefined)
    assert.equal(parseRetryAfter('soon'), undefined)
    assert.equal(parseRetryAfter('2025-01-01'), undefined)
  })
})
