// Comparison warnings are data from the main side: the renderer words every kind in both
// languages, in English exactly as the English formatter (logs and the page say the same), in
// Spanish differently, with the warning's data in the text.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import i18next from 'i18next'
import type { CompareWarning } from '../../../shared/api/compare'
import { englishCompareWarning } from '../../../shared/compareWarningText'
import { compareWarningText } from '../../../renderer/features/compare/compareWarningText'
import { initTranslations } from '../../../renderer/i18n/translate'

/** One of every kind, with the data each must show. */
const WARNINGS: readonly { readonly warning: CompareWarning; readonly shows: readonly string[] }[] =
  [
    {
      warning: { kind: 'diffIdCount', ref: 'oci:/tmp/x:demo', diffIds: 1, layers: 3 },
      shows: ['oci:/tmp/x:demo', '1', '3'],
    },
    { warning: { kind: 'contentUnread', path: '/etc/motd' }, shows: ['/etc/motd'] },
    { warning: { kind: 'filesCapped', total: 123, listed: 45 }, shows: ['123', '45'] },
  ]

test('every warning kind in English reads as the English formatter says it', () => {
  initTranslations('en')
  const t = i18next.getFixedT('en', 'compare')
  for (const { warning, shows } of WARNINGS) {
    const text = compareWarningText(warning, t)
    assert.equal(text, englishCompareWarning(warning), warning.kind)
    for (const data of shows) assert.ok(text.includes(data), `${warning.kind} shows ${data}`)
  }
  assert.equal(
    compareWarningText({ kind: 'filesCapped', total: 25_000, listed: 20_000 }, t),
    'The filesystems differ in 25,000 paths; the first 20,000 (by path) are listed.',
  )
})

test('every warning kind is worded in Spanish, differently, with its data', async () => {
  initTranslations('es')
  await i18next.changeLanguage('es')
  const t = i18next.getFixedT('es', 'compare')
  const texts = WARNINGS.map(({ warning }) => compareWarningText(warning, t))
  for (const [i, { warning, shows }] of WARNINGS.entries()) {
    const text = texts[i] ?? ''
    assert.notEqual(text, englishCompareWarning(warning), `${warning.kind} is worded in Spanish`)
    assert.doesNotMatch(text, /\{\{|warning\./, 'no raw key or placeholder')
    for (const data of shows) assert.ok(text.includes(data), `${warning.kind} shows ${data}`)
  }
  assert.equal(new Set(texts).size, texts.length, 'each kind has its own words')
  assert.equal(
    compareWarningText({ kind: 'filesCapped', total: 25_000, listed: 20_000 }, t),
    'Los sistemas de archivos difieren en 25.000 rutas; se muestran las primeras 20.000 (por ruta).',
  )
})
