import assert from 'node:assert/strict'
import { test } from 'node:test'
import { tagCountText } from '../../../renderer/features/registry/tagCount'
import { initTranslations } from '../../../renderer/i18n/translate'

// The words come from the registry catalogue; read in English here.
initTranslations('en')

test('tag counts: plural by category, "+" when the registry has more pages', () => {
  assert.equal(tagCountText(0, false), 'no tags')
  assert.equal(tagCountText(1, false), '1 tag')
  assert.equal(tagCountText(2, false), '2 tags')
  assert.equal(tagCountText(1000, true), '1,000+ tags')
  assert.equal(tagCountText(1, true), '1+ tags')
})
