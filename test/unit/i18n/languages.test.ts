import assert from 'node:assert/strict'
import { test } from 'node:test'
import { languageOfTag, pickLanguage } from '../../../renderer/i18n/languages'
import { formatDateTime, formatSize } from '../../../renderer/i18n/format'

test('the URL wins, then the remembered choice, then the system, then English', () => {
  assert.equal(pickLanguage({ url: 'es', stored: 'en', system: ['en-US'] }), 'es')
  assert.equal(pickLanguage({ url: 'fr', stored: 'es', system: ['en-US'] }), 'es')
  assert.equal(pickLanguage({ system: ['fr-FR', 'es-AR', 'en'] }), 'es')
  assert.equal(pickLanguage({ system: ['de'] }), 'en')
  assert.equal(pickLanguage({}), 'en')
  assert.equal(languageOfTag('ES_mx'), 'es')
})

test('sizes and instants follow the language', () => {
  assert.equal(formatSize(1536, 'en'), '1.5 KiB')
  assert.equal(formatSize(1536, 'es'), '1,5 KiB')
  assert.equal(formatSize(1023, 'en'), '1023 B')
  assert.equal(formatSize(1024 * 1024 - 1, 'en'), '1 MiB')
  assert.match(formatDateTime('2026-11-25T14:03:00Z', 'en'), /Nov 25, 2026.*14:03 UTC/)
  assert.match(formatDateTime('2026-11-25T14:03:00Z', 'es'), /25 nov 2026.*14:03 UTC/)
})
