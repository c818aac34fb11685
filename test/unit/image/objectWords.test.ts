// Every object the main side names carries keys beside its English label and explanation: in
// English the catalogue says exactly what the main side says (logs and page agree), in Spanish
// it says it in Spanish; an object without keys (the container node) shows its label as sent.
import assert from 'node:assert/strict'
import { after, test } from 'node:test'
import i18next from 'i18next'
import type { GraphNode } from '../../../shared/api'
import { allMediaTypes, describeMediaType, MEDIA_TYPES } from '../../../shared/oci/mediaTypes'
import { makeNode } from '../../../electron/image/graphNodes'
import { objectExplanation, objectLabel } from '../../../renderer/features/image/objectWords'
import { initTranslations } from '../../../renderer/i18n/translate'

after(() => i18next.changeLanguage('en'))

const GUESSED = ['application/x.tar+gzip', 'application/x.tar+zstd', 'application/x.tar', 'x/y']
const attestation = makeNode(
  { mediaType: MEDIA_TYPES.ociManifest, digest: `sha256:${'c'.repeat(64)}`, size: 10 },
  'attestation',
  { commands: [] },
)
const INFOS: readonly Pick<GraphNode, 'label' | 'explanation' | 'words'>[] = [
  ...allMediaTypes(),
  ...GUESSED.map((type) => describeMediaType(type)),
  attestation,
]

test('every object key says in English what the main side says, and in Spanish otherwise', async () => {
  initTranslations('en')
  for (const info of INFOS) {
    assert.ok(info.words, `${info.label} has keys`)
    assert.equal(objectLabel(info.words, info.label), info.label)
    assert.equal(objectExplanation(info.words, info.explanation), info.explanation)
  }
  await i18next.changeLanguage('es')
  for (const info of INFOS) {
    assert.notEqual(objectLabel(info.words, info.label), info.label, info.label)
    assert.notEqual(objectExplanation(info.words, info.explanation), info.explanation)
  }
  assert.equal(objectLabel(describeMediaType(MEDIA_TYPES.ociIndex).words, 'x'), 'índice OCI')
  assert.equal(objectLabel(describeMediaType(MEDIA_TYPES.ociLayerGzip).words, 'x'), 'capa gzip')
})

test('an object without keys is shown as the main side (or the renderer) named it', async () => {
  await i18next.changeLanguage('es')
  assert.equal(objectLabel(undefined, 'web-1'), 'web-1')
  assert.equal(objectExplanation(undefined, ''), '')
})
