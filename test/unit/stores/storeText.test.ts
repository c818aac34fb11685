// The sidebar words each local store's title in the language shown, from the store's kind,
// namespace, driver, owner and location (the main side's `label` is English, for logs only),
// and why a store could not be read from the error's code and the path it names.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import i18next from 'i18next'
import type { LocalStore } from '../../../shared/api/stores'
import type { ApiError } from '../../../shared/errors'
import { storeErrorText } from '../../../renderer/features/stores/storeErrorText'
import { storeDescription } from '../../../renderer/features/stores/storeText'
import { initTranslations } from '../../../renderer/i18n/translate'

const STORES: readonly LocalStore[] = [
  {
    kind: 'docker-daemon',
    label: 'Docker daemon at /var/run/docker.sock',
    location: '/var/run/docker.sock',
    images: [],
  },
  {
    kind: 'containerd',
    label: 'containerd namespace k8s.io at /run/containerd/containerd.sock',
    location: '/run/containerd/containerd.sock',
    namespace: 'k8s.io',
    images: [],
  },
  {
    kind: 'containers-storage',
    label: 'podman storage (rootless) /home/ana/.local/share/containers/storage (overlay)',
    location: '/home/ana/.local/share/containers/storage',
    driver: 'overlay',
    rootless: true,
    images: [],
  },
]

test('a store is described in English and in Spanish, naming what it is and where', async () => {
  initTranslations('en')
  assert.deepEqual(STORES.map(storeDescription), [
    'Docker daemon at /var/run/docker.sock',
    'containerd (namespace k8s.io) at /run/containerd/containerd.sock',
    'Podman storage (overlay, rootless) at /home/ana/.local/share/containers/storage',
  ])
  await i18next.changeLanguage('es')
  assert.deepEqual(STORES.map(storeDescription), [
    'Demonio de Docker en /var/run/docker.sock',
    'containerd (espacio de nombres k8s.io) en /run/containerd/containerd.sock',
    'Almacén de Podman (overlay, sin root) en /home/ana/.local/share/containers/storage',
  ])
})

const GRAPH = '/var/lib/containers/storage'
const STORE_ERRORS: readonly ApiError[] = [
  {
    code: 'FORBIDDEN',
    message: `permission denied reading ${GRAPH}/overlay-images`,
    detail: { subject: `${GRAPH}/overlay-images`, cause: 'EACCES' },
  },
  { code: 'FORBIDDEN', message: 'permission denied on the socket' },
  {
    code: 'NOT_FOUND',
    message: `${GRAPH}/overlay-layers/layers.json does not exist`,
    detail: { subject: `${GRAPH}/overlay-layers/layers.json` },
  },
  { code: 'TIMEOUT', message: 'the daemon did not answer in time' },
  { code: 'NETWORK', message: 'cannot reach the daemon (ECONNREFUSED)' },
  {
    code: 'MALFORMED',
    message: `${GRAPH}/overlay-images/images.json is not JSON`,
    detail: { subject: `${GRAPH}/overlay-images/images.json` },
  },
  { code: 'INTERNAL', message: 'Strata failed unexpectedly: boom' },
]

test('why a store could not be read: the main side’s sentence in English, its code’s words in Spanish', async () => {
  initTranslations('en')
  assert.deepEqual(
    STORE_ERRORS.map(storeErrorText),
    STORE_ERRORS.map((error) => error.message),
  )
  await i18next.changeLanguage('es')
  const spanish = STORE_ERRORS.map(storeErrorText)
  assert.equal(new Set(spanish).size, spanish.length, spanish.join(' | '))
  for (const [i, error] of STORE_ERRORS.entries()) {
    const text = spanish[i] ?? ''
    assert.notEqual(text, error.message)
    assert.doesNotMatch(text, /\{\{|stores:|denied|unexpectedly/, text)
    if (error.detail?.subject !== undefined) assert.ok(text.includes(error.detail.subject), text)
  }
  assert.match(spanish[0] ?? '', /^Strata no tiene permiso/)
  assert.match(spanish[6] ?? '', /error INTERNAL/)
  await i18next.changeLanguage('en')
})
