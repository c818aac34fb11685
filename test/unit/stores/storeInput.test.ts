// Pure logic behind the sidebar's "This machine": recently opened refs, the path field, what a
// drop does, and how stores are named and linked to their storage view.

import assert from 'node:assert/strict'
import { test } from 'node:test'
import { initTranslations } from '../../../renderer/i18n/translate'
import type { LocalStore } from '../../../shared/api/stores'
import { decideDrop, webDropHint } from '../../../renderer/features/stores/dropDecision'
import { dropMessageText, dropMessageTone } from '../../../renderer/features/stores/dropMessage'
import { interpretPathInput, looksLikePath } from '../../../renderer/features/stores/pathInput'
import {
  addRecentRef,
  isLocalRef,
  parseRecentRefs,
  RECENT_LIMIT,
  recentRefLabel,
} from '../../../renderer/features/stores/recentRefs'
import {
  imageTitle,
  shortImageId,
  storageQueryRef,
  storageViewRef,
  storeBadges,
  storeTitle,
} from '../../../renderer/features/stores/storeText'
import { isKnownView, parseRoute } from '../../../renderer/routing/route'

// The helpers word their labels through the app's i18next instance: load the real catalogues.
initTranslations('en')

test('only local sources are recent: paths and stores, never registry references', () => {
  for (const ref of [
    'oci:/srv/layout:v1',
    'oci-archive:/tmp/app.tar',
    'docker-archive:/tmp/app.docker.tar:example.com/app:v1',
    'dir:/tmp/app.dir',
    'containers-storage:example.com/app:v1',
    'docker-daemon:alpine:3.20',
  ]) {
    assert.equal(isLocalRef(ref), true, ref)
  }
  for (const ref of ['alpine:3.20', 'docker://127.0.0.1:5000/demo/app:v1', 'Bad Ref!!', '']) {
    assert.equal(isLocalRef(ref), false, ref)
  }
})

test('addRecentRef puts the newest first, without duplicates, at most ten', () => {
  let list: readonly string[] = []
  for (let i = 0; i < 12; i++) list = addRecentRef(list, `oci:/layouts/${i}`)
  assert.equal(RECENT_LIMIT, 10)
  assert.equal(list.length, 10)
  assert.equal(list[0], 'oci:/layouts/11')
  assert.equal(list[9], 'oci:/layouts/2')

  const again = addRecentRef(list, 'oci:/layouts/5')
  assert.equal(again[0], 'oci:/layouts/5')
  assert.equal(again.length, 10)
  assert.equal(again.filter((ref) => ref === 'oci:/layouts/5').length, 1)

  assert.equal(addRecentRef(again, 'oci:/layouts/5'), again, 'already first: the same list')
  assert.equal(addRecentRef(again, 'alpine:3.20'), again, 'registry refs are not recorded')
  assert.deepEqual(addRecentRef([], '  dir:/tmp/x  '), ['dir:/tmp/x'])
})

test('parseRecentRefs survives whatever is in storage', () => {
  assert.deepEqual(parseRecentRefs(null), [])
  assert.deepEqual(parseRecentRefs(''), [])
  assert.deepEqual(parseRecentRefs('not json'), [])
  assert.deepEqual(parseRecentRefs('{"a":1}'), [])
  assert.deepEqual(parseRecentRefs('["dir:/a", 3, "", "dir:/a", "dir:/b"]'), ['dir:/a', 'dir:/b'])
  const many = JSON.stringify(Array.from({ length: 30 }, (_, i) => `dir:/${i}`))
  assert.equal(parseRecentRefs(many).length, RECENT_LIMIT)
})

test('recent refs are labelled by file name, folder and transport', () => {
  assert.deepEqual(recentRefLabel('oci-archive:/home/me/images/app.tar:v1'), {
    transport: 'oci-archive',
    name: 'app.tar : v1',
    where: '/home/me/images',
  })
  assert.deepEqual(recentRefLabel('dir:/app.dir/'), {
    transport: 'dir',
    name: 'app.dir',
    where: '/',
  })
  assert.deepEqual(recentRefLabel('containers-storage:[vfs@/g+/r]example.com/app:v1'), {
    transport: 'containers-storage',
    name: 'example.com/app:v1',
    where: '/g',
  })
  assert.equal(recentRefLabel('alpine'), undefined)
  assert.equal(recentRefLabel('Bad Ref!!'), undefined)
})

test('the path field takes paths, file URLs and local transport strings', () => {
  assert.deepEqual(interpretPathInput('  /srv/images/app.tar '), {
    kind: 'path',
    path: '/srv/images/app.tar',
  })
  assert.deepEqual(interpretPathInput("'/srv/my images/app.tar'"), {
    kind: 'path',
    path: '/srv/my images/app.tar',
  })
  assert.deepEqual(interpretPathInput('"/srv/x"'), { kind: 'path', path: '/srv/x' })
  assert.deepEqual(interpretPathInput('file:///srv/my%20images/app.tar'), {
    kind: 'path',
    path: '/srv/my images/app.tar',
  })
  assert.deepEqual(interpretPathInput('# uri list\nfile://localhost/srv/a\nfile:///srv/b'), {
    kind: 'path',
    path: '/srv/a',
  })
  assert.deepEqual(interpretPathInput('oci:/srv/layout:v1'), {
    kind: 'ref',
    ref: 'oci:/srv/layout:v1',
  })
  assert.deepEqual(interpretPathInput('   '), { kind: 'empty' })
})

test('the path field explains what it cannot open', () => {
  const cases: [string, RegExp][] = [
    ['~/images/app.tar', /full path/],
    ['images/app.tar', /starting with \//],
    ['alpine:3.20', /starting with \//],
    ['file://otherhost/srv/a', /not a file on this machine/],
    ['dir:', /no path/],
  ]
  for (const [input, message] of cases) {
    const result = interpretPathInput(input)
    assert.equal(result.kind, 'invalid', input)
    if (result.kind === 'invalid') assert.match(result.message, message, input)
  }
})

test('the Open box treats paths as paths and everything else as references', () => {
  assert.equal(looksLikePath('/srv/app.tar'), true)
  assert.equal(looksLikePath('file:///srv/app.tar'), true)
  assert.equal(looksLikePath('~/app.tar'), true)
  assert.equal(looksLikePath('alpine:3.20'), false)
  assert.equal(looksLikePath('oci:/srv/layout:v1'), false)
  assert.equal(looksLikePath('docker://127.0.0.1:5000/a:b'), false)
  assert.equal(looksLikePath(''), false)
})

test('a file dropped on the desktop app is probed by its path', () => {
  assert.deepEqual(
    decideDrop({ desktop: true, fileNames: ['app.tar'], filePaths: ['/srv/app.tar'] }),
    { kind: 'probe', path: '/srv/app.tar' },
  )
  const several = decideDrop({
    desktop: true,
    fileNames: ['a', 'b.tar'],
    filePaths: ['', '/srv/b.tar'],
  })
  assert.deepEqual(several, {
    kind: 'probe',
    path: '/srv/b.tar',
    several: { count: 2, name: 'b.tar' },
  })
  assert.match(dropMessageText({ kind: 'several', count: 2, name: 'b.tar' }), /2 items .*b\.tar/)
  const pathless = decideDrop({ desktop: true, fileNames: ['x.tar'], filePaths: [''] })
  assert.deepEqual(pathless, { kind: 'noPath', name: 'x.tar' })
  assert.match(dropMessageText({ kind: 'noPath', name: 'x.tar' }), /x\.tar.*file manager/)
  assert.equal(dropMessageTone({ kind: 'noPath', name: 'x.tar' }), 'error')
})

test('in web mode a dropped file gets the hint to paste its path', () => {
  const decision = decideDrop({ desktop: false, fileNames: ['app.tar'], filePaths: [] })
  assert.deepEqual(decision, { kind: 'hint' })
  assert.equal(dropMessageText({ kind: 'hint' }), webDropHint())
  assert.match(webDropHint(), /desktop app/)
  assert.match(webDropHint(), /path field/)
})

test('dropped text opens when it is a path or a local reference, and is ignored otherwise', () => {
  const web = { desktop: false, fileNames: [], filePaths: [] }
  assert.deepEqual(decideDrop({ ...web, text: 'file:///srv/app.tar\n' }), {
    kind: 'probe',
    path: '/srv/app.tar',
  })
  assert.deepEqual(decideDrop({ ...web, text: 'dir:/srv/app.dir' }), {
    kind: 'open',
    ref: 'dir:/srv/app.dir',
  })
  assert.deepEqual(decideDrop({ ...web, text: 'http://127.0.0.1:8610/?view=graph' }), {
    kind: 'ignore',
  })
  assert.deepEqual(decideDrop(web), { kind: 'ignore' })
})

const podman: LocalStore = {
  kind: 'containers-storage',
  label: 'podman storage (rootless) /home/me/.local/share/containers/storage (overlay)',
  location: '/home/me/.local/share/containers/storage',
  driver: 'overlay',
  rootless: true,
  images: [
    {
      id: `sha256:${'ab'.repeat(32)}`,
      names: ['example.com/app:v1', 'example.com/app:latest'],
      digests: [],
      ref: 'containers-storage:example.com/app:v1',
    },
  ],
}

test('stores are named for people: title, badges, short IDs, untagged images', () => {
  assert.equal(storeTitle(podman), 'Podman storage')
  assert.deepEqual(storeBadges(podman), ['overlay', 'rootless'])
  assert.deepEqual(storeBadges({ ...podman, rootless: false, driver: 'vfs' }), ['vfs', 'rootful'])
  const docker: LocalStore = {
    kind: 'docker-daemon',
    label: 'Docker daemon at /var/run/docker.sock',
    location: '/var/run/docker.sock',
    images: [],
  }
  assert.equal(storeTitle(docker), 'Docker daemon')
  assert.deepEqual(storeBadges(docker), [])
  assert.equal(shortImageId(`sha256:${'0123456789abcdef'.repeat(4)}`), '0123456789ab')
  assert.equal(shortImageId('0123456789abcdef'), '0123456789ab')
  const image = podman.images[0]
  assert.ok(image)
  assert.deepEqual(imageTitle(image), {
    primary: 'example.com/app:v1',
    untagged: false,
    others: ['example.com/app:latest'],
  })
  assert.deepEqual(imageTitle({ ...image, names: [] }), {
    primary: 'untagged',
    untagged: true,
    others: [],
  })
})

test('each podman store links to its own storage view', () => {
  assert.equal(storageViewRef(podman), undefined, 'the default store needs no ref')
  const explicit = 'containers-storage:[vfs@/srv/graph+/run/x]example.com/app:v1'
  const image = podman.images[0]
  assert.ok(image)
  assert.equal(storageViewRef({ ...podman, images: [{ ...image, ref: explicit }] }), explicit)
  assert.equal(
    storageViewRef({ ...podman, images: [], location: '/srv/empty' }),
    'containers-storage:[overlay@/srv/empty]none',
  )
  assert.equal(
    storageViewRef({ ...podman, kind: 'docker-daemon' }),
    null,
    'Docker has no storage view',
  )
})

test('the storage view is a known view, with or without a store reference', () => {
  assert.equal(isKnownView('storage'), true)
  assert.deepEqual(parseRoute('?view=storage'), { view: 'storage' })
  assert.deepEqual(parseRoute('?view=storage&ref=containers-storage%3A%5Bvfs%40%2Fg%2B%2Fr%5Dx'), {
    view: 'storage',
    ref: 'containers-storage:[vfs@/g+/r]x',
  })
})

test('the storage view takes a reference that names only a store', () => {
  assert.equal(
    storageQueryRef('containers-storage:[vfs@/srv/empty]'),
    'containers-storage:[vfs@/srv/empty]none',
  )
  assert.equal(
    storageQueryRef(' containers-storage:[overlay@/srv/g+/run/r] '),
    'containers-storage:[overlay@/srv/g+/run/r]none',
  )
  const withImage = 'containers-storage:[vfs@/srv/graph]example.com/app:v1'
  assert.equal(storageQueryRef(withImage), withImage)
  assert.equal(storageQueryRef(undefined), undefined)
})
