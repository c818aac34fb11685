// Progress phases are data from the main side: the renderer words every kind in both languages,
// in English exactly as the event's own label (logs and the page say the same), and falls back
// to that label for a phase it does not know.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import i18next from 'i18next'
import type { ProgressEvent, ProgressPhase } from '../../../shared/api'
import { englishProgressLabel } from '../../../shared/progressLabel'
import { progressLabel } from '../../../renderer/components/progressPhaseText'
import { initTranslations } from '../../../renderer/i18n/translate'

const PHASES: readonly ProgressPhase[] = [
  { kind: 'indexLayer', layer: 2 },
  { kind: 'download', path: 'etc/motd' },
  { kind: 'resolveTags', repository: 'ghcr.io/o/r' },
  { kind: 'readManifests' },
  { kind: 'export', ref: 'oci:/tmp/x:demo' },
  { kind: 'exportBlobs', ref: 'oci:/tmp/x:demo', blobs: 3, totalBlobs: 11 },
  { kind: 'exportArchive', ref: 'oci:/tmp/x:demo' },
]

const event = (phase: ProgressPhase): ProgressEvent => ({
  type: 'progress',
  operationId: 'op',
  phase,
  label: englishProgressLabel(phase),
  doneBytes: 0,
})

test('every phase in English reads as the event label, and differently in Spanish', async () => {
  initTranslations('en')
  const english = PHASES.map((phase) =>
    progressLabel(event(phase), i18next.getFixedT('en', 'common')),
  )
  assert.deepEqual(english, PHASES.map(englishProgressLabel))
  await i18next.changeLanguage('es')
  const spanish = PHASES.map((phase) =>
    progressLabel(event(phase), i18next.getFixedT('es', 'common')),
  )
  for (const [i, text] of spanish.entries()) {
    assert.notEqual(text, english[i], `${PHASES[i]?.kind} is worded in Spanish`)
    assert.doesNotMatch(text, /\{\{|progress\.phase/, 'no raw key or placeholder')
  }
  assert.equal(spanish[0], 'indexando la capa 2')
  assert.equal(spanish[5], 'Exportando oci:/tmp/x:demo: 3 de 11 blobs')
})

test('a phase this build does not know keeps the English label', () => {
  initTranslations('es')
  const unknown = { ...event({ kind: 'readManifests' }), phase: undefined, label: 'something new' }
  assert.equal(progressLabel(unknown, i18next.getFixedT('es', 'common')), 'something new')
})
