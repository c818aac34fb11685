// The sidebar words each local store's title in the language shown, from the store's kind,
// namespace, driver, owner and location (the main side's `label` is English, for logs only).
import assert from 'node:assert/strict'
import { test } from 'node:test'
import i18next from 'i18next'
import type { LocalStore } from '../../../shared/api/stores'
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
