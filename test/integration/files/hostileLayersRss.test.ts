// Issue 10, hostile layers one at a time: each is indexed (worker thread, index cache) and
// listed (root down the first branch, search, changes, efficiency, directory-download plan) in
// a child process of its own, whose peak resident set (worker included) must stay ≤ 250 MB.
// Zero bombs read fine; paths over the 4,096-byte cap end in MALFORMED naming the cap and the
// layer; a 2,000-deep tree under the cap lists to its bottom.

import assert from 'node:assert/strict'
import { test } from 'node:test'
import { hostileLayer } from '../../bench/hostileLayers'
import { runHostileChild } from '../../bench/hostileRss'
import type { HostileOutcome } from '../../bench/hostileRssChild'

const PEAK_LIMIT_MB = 250

async function single(kind: Parameters<typeof hostileLayer>[0]): Promise<HostileOutcome> {
  const path = await hostileLayer(kind)
  const result = await runHostileChild([path])
  const peakMb = result.maxRssKiB / 1024
  assert.ok(peakMb <= PEAK_LIMIT_MB, `${kind}: peak RSS ${peakMb.toFixed(0)} MB`)
  const outcome = result.outcomes[0]
  assert.ok(outcome)
  return outcome
}

test('1 GiB of zeros in 1 MB of gzip: indexed and listed within 250 MB', async () => {
  const outcome = await single('zeros-gzip')
  assert.equal(outcome.code, 'ok', outcome.message)
  assert.equal(outcome.entries, 1)
})

test('1 GiB of zeros in 33 KB of zstd: indexed and listed within 250 MB', async () => {
  const outcome = await single('zeros-zstd')
  assert.equal(outcome.code, 'ok', outcome.message)
  assert.equal(outcome.entries, 1)
})

test('400 entries with 900 KB pax paths: MALFORMED naming the path cap, within 250 MB', async () => {
  const outcome = await single('long-pax')
  assert.equal(outcome.code, 'MALFORMED')
  assert.match(outcome.message, /^layer sha256:[0-9a-f]{64}: /)
  assert.match(outcome.message, /path of 900,002 bytes \(limit 4,096 bytes, PATH_MAX\)/)
})

test('a pax path of 499,000 components: MALFORMED (not a stack overflow), within 250 MB', async () => {
  const outcome = await single('deep-pax')
  assert.equal(outcome.code, 'MALFORMED')
  assert.match(outcome.message, /^layer sha256:[0-9a-f]{64}: .*limit 4,096 bytes/)
})

test('2,000 nested directories under the cap: listed to the bottom, within 250 MB', async () => {
  const outcome = await single('deep-tree')
  assert.equal(outcome.code, 'ok', outcome.message)
  assert.equal(outcome.entries, 2002)
  assert.equal(outcome.listed, 2001)
})
