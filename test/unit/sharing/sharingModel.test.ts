import assert from 'node:assert/strict'
import { test } from 'node:test'
import i18next from 'i18next'
import type { SharingReport } from '../../../shared/api/sharing'
import { en } from '../../../renderer/i18n/en'
import { es } from '../../../renderer/i18n/es'
import {
  formatDate,
  formatDateTime,
  formatNumber,
  formatPercent,
  formatSize,
} from '../../../renderer/i18n/format'
import type { Language } from '../../../renderer/i18n/languages'
import {
  cellColour,
  cellSentence,
  matrixCellSize,
  maxSharedBytes,
  needsLightText,
  sharedFraction,
  shortLabel,
  totalsSentence,
  type SharingWords,
} from '../../../renderer/features/sharing/sharingModel'

// The real catalogues through a real i18next instance, as the view words them.
const i18n = i18next.createInstance()
void i18n.init({ resources: { en, es }, lng: 'en', initAsync: false, fallbackLng: false })
function wordsIn(language: Language): SharingWords {
  return {
    t: i18n.getFixedT(language, 'sharing'),
    format: {
      size: (n) => formatSize(n, language),
      number: (n) => formatNumber(n, language),
      percent: (fraction, digits) => formatPercent(fraction, language, digits),
      dateTime: (iso) => formatDateTime(iso, language),
      date: (iso) => formatDate(iso, language),
    },
  }
}
const english = wordsIn('en')
const spanish = wordsIn('es')

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

test('one colour scale spans every cell, the diagonal included; nothing shared is transparent', () => {
  assert.equal(maxSharedBytes(report), 4096)
  assert.equal(cellColour(0, 4096), 'transparent')
  assert.notEqual(cellColour(4096, 4096), cellColour(100, 4096))
  assert.match(cellColour(4096, 4096), /^rgb/)
  // Equal bytes, equal colour, wherever the cell is: a diagonal cell of 2048 B (another set)
  // and an off-diagonal cell of 2048 B here.
  const max = maxSharedBytes(report)
  assert.equal(cellColour(report.matrix[0]?.[1]?.bytes ?? -1, max), cellColour(2048, max))
  assert.equal(needsLightText(4096, max), true)
  assert.equal(needsLightText(1024, max), false)
})

test('cells say what two images share; the diagonal says what is its own', () => {
  assert.equal(cellSentence(report, 0, 1, english), 'a and b share 1 layer, 2 KiB (67% of a).')
  assert.equal(
    cellSentence(report, 1, 1, english),
    'b: 2 layers of its own, 4 KiB; 2 KiB of it used by no other image here.',
  )
  assert.equal(
    cellSentence(report, 0, 1, spanish),
    'a y b comparten 1 capa, 2 KiB (el 67\u00a0% de a).',
  )
  assert.match(cellSentence(report, 1, 1, spanish), /^b: 2 capas propias, 4 KiB; de ellos, 2 KiB /)
  assert.equal(cellSentence(report, 5, 0, english), '')
  assert.equal(matrixCellSize(2), 64)
  assert.ok(matrixCellSize(40) >= 24, 'a big set keeps cells big enough to hover')
})

test('fractions, totals and labels', () => {
  assert.equal(sharedFraction(report, 0, 1), 2048 / 3072)
  assert.equal(sharedFraction(report, 1, 0), 0.5)
  assert.equal(
    totalsSentence(report, english),
    'Stored once: 5 KiB vs 7 KiB if nothing were shared — sharing saves 2 KiB (29%).',
  )
  assert.match(totalsSentence(report, spanish), /ahorro de 2 KiB \(29\u00a0%\)/)
  assert.equal(shortLabel('short'), 'short')
  assert.equal(shortLabel('x'.repeat(40) + 'tail', 10), `…${'x'.repeat(5)}tail`)
})
