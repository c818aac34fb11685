// A command's note is a code from the main side: the renderer words every kind (and every
// variant of its data) in English exactly as the English formatter does, so logs and page say
// the same, and in Spanish differently, with the data (files, tools) in the sentence and no raw
// key left over. Two different notes never read the same.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import i18next from 'i18next'
import type { CommandNote, CommandNoteKind } from '../../../shared/api'
import { englishCommandNote } from '../../../shared/commandNoteText'
import { commandNoteText } from '../../../renderer/features/image/commandNoteText'
import { initTranslations } from '../../../renderer/i18n/translate'

const FILE = `/srv/layout/blobs/sha256/${'c'.repeat(64)}`
const BLOB = 'd'.repeat(64)

/** Every kind with each variant of its data, and what the words must show (a Record: tsc asks for new kinds). */
const EVERY_KIND: Record<
  CommandNoteKind,
  readonly { readonly note: CommandNote; readonly shows: readonly string[] }[]
> = {
  rawManifest: [{ note: { kind: 'rawManifest' }, shows: [] }],
  imageSummary: [
    { note: { kind: 'imageSummary', forThisMachine: false }, shows: [] },
    { note: { kind: 'imageSummary', forThisMachine: true }, shows: [] },
  ],
  layersAndHistory: [{ note: { kind: 'layersAndHistory' }, shows: [] }],
  layoutIndex: [{ note: { kind: 'layoutIndex' }, shows: ['index.json'] }],
  manifestFile: [{ note: { kind: 'manifestFile' }, shows: [] }],
  objectFile: [{ note: { kind: 'objectFile' }, shows: [] }],
  blobFile: [{ note: { kind: 'blobFile', file: FILE }, shows: [`tar -tvzf ${FILE}`] }],
  archiveMember: [{ note: { kind: 'archiveMember' }, shows: [] }],
  archiveLayer: [{ note: { kind: 'archiveLayer' }, shows: ['sha256sum', 'tar -tvz'] }],
  dockerSaveManifest: [{ note: { kind: 'dockerSaveManifest' }, shows: ['docker save'] }],
  synthesizedManifest: [
    { note: { kind: 'synthesizedManifest', from: 'archive' }, shows: ['skopeo'] },
    { note: { kind: 'synthesizedManifest', from: 'daemon' }, shows: ['skopeo'] },
  ],
  storedManifest: [{ note: { kind: 'storedManifest' }, shows: [] }],
  storeImage: [
    { note: { kind: 'storeImage', tool: 'docker' }, shows: ['docker'] },
    { note: { kind: 'storeImage', tool: 'podman' }, shows: ['podman'] },
  ],
  buildSteps: [{ note: { kind: 'buildSteps' }, shows: [] }],
  storageLayerRecord: [{ note: { kind: 'storageLayerRecord' }, shows: [] }],
  layerDirectory: [{ note: { kind: 'layerDirectory' }, shows: [] }],
  runtimeConfig: [{ note: { kind: 'runtimeConfig' }, shows: [] }],
  exportedConfig: [{ note: { kind: 'exportedConfig' }, shows: [] }],
  exportedLayer: [{ note: { kind: 'exportedLayer' }, shows: [] }],
  containerdRecord: [{ note: { kind: 'containerdRecord' }, shows: ['containerd'] }],
  contentConfig: [{ note: { kind: 'contentConfig' }, shows: ['JSON'] }],
  contentLayer: [
    { note: { kind: 'contentLayer', compression: 'gzip' }, shows: ['gzip', 'tar -tv'] },
  ],
  hubToken: [{ note: { kind: 'hubToken' }, shows: ['Docker Hub', 'Authorization: Bearer'] }],
  blobToStdout: [
    { note: { kind: 'blobToStdout', hubToken: false }, shows: ['-o', 'tar -tzv'] },
    { note: { kind: 'blobToStdout', hubToken: true }, shows: ['Docker Hub', '-o'] },
  ],
  copyImage: [
    { note: { kind: 'copyImage' }, shows: ['./image'] },
    { note: { kind: 'copyImage', blobFile: BLOB }, shows: ['./image', BLOB] },
  ],
  containerChanges: [{ note: { kind: 'containerChanges' }, shows: [] }],
  containerSizes: [
    { note: { kind: 'containerSizes', tool: 'docker' }, shows: [] },
    { note: { kind: 'containerSizes', tool: 'podman' }, shows: [] },
  ],
}

const CASES = Object.values(EVERY_KIND).flat()

function wordAll(): string[] {
  return CASES.map(({ note }) => commandNoteText(note))
}

test('every note in English reads as the English formatter words it', () => {
  initTranslations('en')
  assert.deepEqual(
    wordAll(),
    CASES.map(({ note }) => englishCommandNote(note)),
  )
})

test('every note is worded in Spanish, differently, with its data and no raw key', async () => {
  initTranslations('en')
  const english = wordAll()
  await i18next.changeLanguage('es')
  const spanish = wordAll()
  for (const [i, { note, shows }] of CASES.entries()) {
    const text = spanish[i] ?? ''
    const name = JSON.stringify(note)
    assert.ok(text.trim().length > 0, `${name} has Spanish words`)
    assert.notEqual(text, english[i], `${name} is worded in Spanish`)
    assert.doesNotMatch(text, /\{\{|commands:|note\./, `${name}: no raw key or placeholder`)
    for (const part of shows) {
      assert.ok(text.includes(part), `${name} in Spanish shows ${part}: ${text}`)
      assert.ok(english[i]?.includes(part), `${name} in English shows ${part}`)
    }
  }
  assert.equal(
    commandNoteText({ kind: 'storeImage', tool: 'podman' }),
    'la imagen tal como la ve podman',
  )
})

test('two different notes never read the same, in either language', async () => {
  for (const language of ['en', 'es'] as const) {
    initTranslations(language)
    await i18next.changeLanguage(language)
    const texts = wordAll()
    assert.equal(new Set(texts).size, texts.length, `${language}: ${texts.join(' | ')}`)
  }
})
