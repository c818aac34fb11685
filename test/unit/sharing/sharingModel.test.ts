import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { SharingReport } from '../../../shared/api/sharing'
import {
  cellColour,
  maxSharedBytes,
  sharedFraction,
  shortLabel,
  totalsSentence,
} from '../../../renderer/features/sharing/sharingModel'

const report: SharingReport = {
  images: [
    { label: 'a', layerCount: 2, layerBytes: 3072, exclusiveBytes: 1024 },
    { label: 'b', layerCount: 2, layerBytes: 4096, exclusiveBytes: 2048 },
  ],
  layers: [],
  matrix: [
    [
      { layers: 2, bytes: 3072 },
      { layers: 1, bytes: 2048 },
    ],
    [
      { layers: 1, bytes: 2048 },
      { layers: 2, bytes: 4096 },
    ],
  ],
  storedOnceBytes: 5120,
  unsharedBytes: 7168,
  savedBytes: 2048,
}

test('the colour scale spans the off-diagonal cells; nothing shared is transparent', () => {
  assert.equal(maxSharedBytes(report), 2048)
  assert.equal(cellColour(0, 2048), 'transparent')
  assert.notEqual(cellColour(2048, 2048), cellColour(100, 2048))
  assert.match(cellColour(2048, 2048), /^rgb/)
})

test('fractions, totals and labels', () => {
  assert.equal(sharedFraction(report, 0, 1), 2048 / 3072)
  assert.equal(sharedFraction(report, 1, 0), 0.5)
  assert.equal(
    totalsSentence(report),
    'Stored once: 5 KiB vs 7 KiB if nothing were shared — sharing saves 2 KiB (29%).',
  )
  assert.equal(shortLabel('short'), 'short')
  assert.equal(shortLabel('x'.repeat(40) + 'tail', 10), `…${'x'.repeat(5)}tail`)
})
