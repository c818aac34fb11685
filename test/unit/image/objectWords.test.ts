// Every name and sentence the main side gives an object (shared/oci/mediaTypes and the graph
// builder's own) is found in the image catalogue, so the graph and details panel show it in
// Spanish too; text the catalogue lacks is shown as sent.
import assert from 'node:assert/strict'
import { after, test } from 'node:test'
import i18next from 'i18next'
import { allMediaTypes, describeMediaType } from '../../../shared/oci/mediaTypes'
import { objectExplanation, objectLabel } from '../../../renderer/features/image/objectWords'
import { initTranslations } from '../../../renderer/i18n/translate'

initTranslations('es')
after(() => i18next.changeLanguage('en'))

const GUESSED = ['application/x.tar+gzip', 'application/x.tar+zstd', 'application/x.tar', 'x/y']

test('every media type name and explanation has a Spanish wording', () => {
  const infos = [...allMediaTypes(), ...GUESSED.map((type) => describeMediaType(type))]
  for (const info of infos) {
    assert.notEqual(objectLabel(info.label), info.label, info.label)
    assert.notEqual(objectExplanation(info.explanation), info.explanation, info.explanation)
  }
  assert.equal(objectLabel('OCI index'), 'índice OCI')
  assert.equal(objectLabel('gzip layer'), 'capa gzip')
})

test('a name the catalogue does not know is shown as the main side sent it', () => {
  assert.equal(objectLabel('a brand-new kind'), 'a brand-new kind')
  assert.equal(objectExplanation('Something new.'), 'Something new.')
})
