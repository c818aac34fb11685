import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { TokenCache, expiryOf } from '../../../electron/registry/auth/tokenCache'

const key = {
  host: 'r.example',
  realm: 'https://auth/token',
  service: 's',
  scope: 'repository:a:pull',
  identity: 'anonymous',
}

describe('TokenCache', () => {
  it('keeps a token until expires_in runs out (minus a small margin)', () => {
    let now = 1_000_000
    const cache = new TokenCache(() => now)
    cache.set(key, 'tok', { expiresIn: 300 })
    assert.equal(cache.get(key), 'tok')
    now += 294_000
    assert.equal(cache.get(key), 'tok')
    now += 2_000
    assert.equal(cache.get(key), undefined)
    assert.equal(cache.size, 0)
  })

  it('uses 60 s when expires_in is missing or nonsense', () => {
    assert.equal(expiryOf({}, 0), 60_000 - 5_000)
    assert.equal(expiryOf({ expiresIn: -3 }, 0), 55_000)
  })

  it('counts from issued_at when it is in the past, never from the future', () => {
    const now = Date.parse('2025-01-01T00:01:00Z')
    assert.equal(
      expiryOf({ expiresIn: 120, issuedAt: '2025-01-01T00:00:00Z' }, now),
      now - 60_000 + 120_000 - 5_000,
    )
    assert.equal(expiryOf({ expiresIn: 120, issuedAt: '2030-01-01T00:00:00Z' }, now), now + 115_000)
  })

  it('separates scopes and identities, and clears one host', () => {
    const cache = new TokenCache()
    cache.set(key, 'anon')
    cache.set({ ...key, identity: 'user:alice' }, 'alice')
    cache.set({ ...key, scope: 'registry:catalog:*' }, 'catalog')
    cache.set({ ...key, host: 'other.example' }, 'other')
    assert.equal(cache.get(key), 'anon')
    assert.equal(cache.get({ ...key, identity: 'user:alice' }), 'alice')
    cache.clearHost('r.example')
    assert.equal(cache.get(key), undefined)
    assert.equal(cache.get({ ...key, host: 'other.example' }), 'other')
  })

  it('does not keep a token that is already stale', () => {
    const now = Date.parse('2025-01-01T00:10:00Z')
    const cache = new TokenCache(() => now)
    cache.set(key, 'old', { expiresIn: 60, issuedAt: '2025-01-01T00:00:00Z' })
    assert.equal(cache.size, 0)
  })
})
