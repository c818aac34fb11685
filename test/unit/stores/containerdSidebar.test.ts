// How the sidebar shows containerd: one entry per namespace, named and badged for people, its
// image lists told apart by namespace; containerd: references in the path field and in the
// recently opened list.

import assert from 'node:assert/strict'
import { test } from 'node:test'
import { initTranslations } from '../../../renderer/i18n/translate'
import type { LocalStore } from '../../../shared/api/stores'
import { interpretPathInput } from '../../../renderer/features/stores/pathInput'
import { isLocalRef, recentRefLabel } from '../../../renderer/features/stores/recentRefs'
import {
  imageListLabel,
  storageViewRef,
  storeBadges,
  storeTitle,
} from '../../../renderer/features/stores/storeText'

// The helpers word their labels through the app's i18next instance: load the real catalogues.
initTranslations('en')

const SOCKET = '/run/containerd/containerd.sock'
const store = (namespace?: string): LocalStore => ({
  kind: 'containerd',
  label: `containerd namespace ${namespace ?? '-'} at ${SOCKET}`,
  location: SOCKET,
  images: [],
  ...(namespace !== undefined ? { namespace } : {}),
})

test('a containerd namespace is titled containerd, badged with its namespace', () => {
  assert.equal(storeTitle(store('k8s.io')), 'containerd')
  assert.deepEqual(storeBadges(store('k8s.io')), ['namespace k8s.io'])
  assert.deepEqual(storeBadges(store()), [])
  assert.equal(storageViewRef(store('default')), null, 'no storage view: that is podman’s')
})

test('two namespaces on one socket have image lists a screen reader tells apart', () => {
  const labels = ['default', 'k8s.io'].map((ns) => imageListLabel(store(ns)))
  assert.deepEqual(labels, [
    `Images in containerd namespace default at ${SOCKET}`,
    `Images in containerd namespace k8s.io at ${SOCKET}`,
  ])
})

test('containerd: references open from the path field and are remembered as local', () => {
  const ref = 'containerd:[k8s.io]docker.io/library/nginx:1.27'
  assert.deepEqual(interpretPathInput(ref), { kind: 'ref', ref })
  assert.equal(interpretPathInput('containerd:[k8s.io').kind, 'invalid')
  assert.equal(isLocalRef(ref), true)
  assert.deepEqual(recentRefLabel(ref), {
    transport: 'containerd',
    name: 'docker.io/library/nginx:1.27',
    where: 'k8s.io',
  })
})
