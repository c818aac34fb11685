// Issue 10, hostile layers three at once: three distinct zero bombs (gzip, then zstd) indexed
// and listed concurrently in one child process, the way three images opened together are;
// the peak resident set of the whole process must stay ≤ 250 MB (it was 3.4 GB for gzip).

import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { HostileKind } from '../../bench/hostileLayers'
import { hostileLayer } from '../../bench/hostileLayers'
import { runHostileChild } from '../../bench/hostileRss'

const PEAK_LIMIT_MB = 250

async function threeAtOnce(kind: HostileKind): Promise<void> {
  const paths = [
    await hostileLayer(kind, 0),
    await hostileLayer(kind, 1),
    await hostileLayer(kind, 2),
  ]
  const result = await runHostileChild(paths)
  const peakMb = result.maxRssKiB / 1024
  assert.ok(peakMb <= PEAK_LIMIT_MB, `3 × ${kind}: peak RSS ${peakMb.toFixed(0)} MB`)
  assert.deepEqual(
    result.outcomes.map((outcome) => [outcome.code, outcome.entries]),
    [
      ['ok', 1],
      ['ok', 1],
      ['ok', 1],
    ],
  )
}

test('three 1 GiB gzip zero bombs at once stay within 250 MB', async () => {
  await threeAtOnce('zeros-gzip')
})

test('three 1 GiB zstd zero bombs at once stay within 250 MB', async () => {
  await threeAtOnce('zeros-zstd')
})
