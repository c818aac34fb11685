// The line under a view's title says what kind of source the reference reads, worded from the
// reference in the language shown; a reference that does not parse keeps the main side's label.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import i18next from 'i18next'
import { sourceKindText } from '../../../renderer/components/sourceKindText'
import { initTranslations } from '../../../renderer/i18n/translate'

const REFS = [
  'ghcr.io/o/r:1',
  'oci:/tmp/layout:demo',
  'oci-archive:/tmp/a.tar',
  'docker-archive:/tmp/d.tar',
  'dir:/tmp/dir',
  'containers-storage:localhost/app:1',
  'docker-daemon:alpine:3.20',
  'containerd:[k8s.io]docker.io/library/nginx:1.27',
  'container:docker-daemon:web',
  'container:containers-storage:web',
]

test('every transport is named in English and Spanish, hosts and namespaces kept', async () => {
  initTranslations('en')
  const english = REFS.map((ref) => sourceKindText(ref, 'fallback'))
  assert.equal(english[0], 'registry ghcr.io')
  assert.equal(english[7], 'containerd, namespace k8s.io')
  assert.equal(new Set(english).size, REFS.length, 'each kind has its own words')
  await i18next.changeLanguage('es')
  const spanish = REFS.map((ref) => sourceKindText(ref, 'fallback'))
  assert.equal(spanish[0], 'registro ghcr.io')
  assert.equal(spanish[1], 'layout OCI')
  assert.equal(spanish[8], 'contenedor del demonio de Docker')
  assert.ok(spanish.every((text) => !text.includes('{{') && text !== 'fallback'))
})

test('a reference that does not parse keeps the label it came with', () => {
  initTranslations('es')
  assert.equal(sourceKindText('nope:::', 'OCI layout /x'), 'OCI layout /x')
})
