// Image warnings are codes from the main side: the renderer words every kind in English and in
// Spanish, with its data (digests, paths, names) in the sentence and no raw key left over, and a
// nested failure worded from its error code in the language shown.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import i18next from 'i18next'
import type { ImageWarning } from '../../../shared/api'
import { englishImageWarning } from '../../../shared/imageWarningText'
import {
  imageWarningDetail,
  imageWarningText,
} from '../../../renderer/features/image/imageWarningText'
import { initTranslations } from '../../../renderer/i18n/translate'

const DIGEST = `sha256:${'a'.repeat(64)}`
const DIGEST_ERROR = { code: 'DIGEST_MISMATCH', message: 'bytes hash to sha256:bbb' } as const

/** One warning of every kind, with the data each must show (a Record, so tsc asks for new kinds). */
const EVERY_KIND: Record<ImageWarning['kind'], { warning: ImageWarning; shows: string[] }> = {
  depthLimit: { warning: { kind: 'depthLimit', depth: 9 }, shows: ['9'] },
  nodeLimit: { warning: { kind: 'nodeLimit', maxNodes: 5000 }, shows: ['5000'] },
  documentUnreadable: {
    warning: { kind: 'documentUnreadable', role: 'config', digest: DIGEST, error: DIGEST_ERROR },
    shows: [DIGEST],
  },
  schema1ReadOnly: { warning: { kind: 'schema1ReadOnly' }, shows: ['schema 1'] },
  referrersNotShown: { warning: { kind: 'referrersNotShown' }, shows: [] },
  referrersUnreadable: {
    warning: {
      kind: 'referrersUnreadable',
      subject: DIGEST,
      error: { code: 'MALFORMED', message: 'not an index' },
    },
    shows: [DIGEST],
  },
  liveLayer: { warning: { kind: 'liveLayer', container: 'web-1' }, shows: ['web-1'] },
  uncompressedLayers: {
    warning: { kind: 'uncompressedLayers', image: 'demo/app:v1', storedManifest: DIGEST },
    shows: ['demo/app:v1', DIGEST],
  },
  synthesizedManifest: {
    warning: { kind: 'synthesizedManifest', location: '/tmp/saved.tar' },
    shows: ['/tmp/saved.tar', 'manifest.json'],
  },
  archiveLayoutUnreadable: {
    warning: {
      kind: 'archiveLayoutUnreadable',
      location: '/tmp/saved.tar',
      error: { code: 'MALFORMED', message: 'manifests must be an array' },
    },
    shows: ['/tmp/saved.tar'],
  },
  brokenLayoutEntry: {
    warning: {
      kind: 'brokenLayoutEntry',
      where: '/srv/layout/index.json',
      position: 2,
      names: ['bad-type'],
      digest: DIGEST,
      error: { code: 'MALFORMED', message: 'mediaType is not a media type' },
    },
    shows: ['/srv/layout/index.json', '2', '"bad-type"', DIGEST],
  },
  noVersionFile: {
    warning: { kind: 'noVersionFile', dir: '/srv/img.dir' },
    shows: ['/srv/img.dir'],
  },
}

test('every image warning is worded in English and Spanish, with its data', async () => {
  initTranslations('en')
  const english = new Map(
    Object.values(EVERY_KIND).map(({ warning }) => [warning.kind, imageWarningText(warning)]),
  )
  await i18next.changeLanguage('es')
  for (const { warning, shows } of Object.values(EVERY_KIND)) {
    const spanish = imageWarningText(warning)
    const inEnglish = english.get(warning.kind) ?? ''
    assert.notEqual(spanish, inEnglish, `${warning.kind} is worded in Spanish`)
    for (const text of [inEnglish, spanish]) {
      assert.doesNotMatch(
        text,
        /\{\{|warning\.|image:/,
        `${warning.kind}: no raw key or placeholder`,
      )
      for (const data of shows)
        assert.ok(text.includes(data), `${warning.kind} shows ${data}: ${text}`)
    }
    // The logs' English names the same data.
    for (const data of shows.filter((d) => d !== 'schema 1')) {
      assert.ok(englishImageWarning(warning).includes(data), `${warning.kind} log names ${data}`)
    }
  }
})

test('a nested failure is worded from its code, its English message kept as the detail', async () => {
  const { warning } = EVERY_KIND.documentUnreadable
  initTranslations('en')
  assert.match(
    imageWarningText(warning),
    /^Config sha256:a{64} could not be read: Refused: the content does not match its digest\.$/,
  )
  await i18next.changeLanguage('es')
  const spanish = imageWarningText(warning)
  assert.match(spanish, /^No se pudo leer la configuración sha256:a{64}: /)
  assert.doesNotMatch(spanish, /bytes hash to/, 'the English message is not in the sentence')
  assert.equal(imageWarningDetail(warning), 'bytes hash to sha256:bbb')
  assert.equal(imageWarningDetail(EVERY_KIND.liveLayer.warning), undefined)
})
