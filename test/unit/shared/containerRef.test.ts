// container:docker-daemon:NAME_OR_ID and container:containers-storage:[store]NAME_OR_ID in
// shared/sourceRef: the store, the optional bracketed containers-storage store, the container
// as typed; written back the same; pinning to a digest leaves a container alone; what is
// refused says how to write it.

import assert from 'node:assert/strict'
import { test } from 'node:test'
import { StrataError } from '../../../shared/errors'
import { formatSourceRef, parseSourceRef, withDigest } from '../../../shared/sourceRef'

const ID = 'ab'.repeat(32)

test('the store and the container, with an optional containers-storage store', () => {
  assert.deepEqual(parseSourceRef('container:docker-daemon:web-1'), {
    transport: 'container',
    store: 'docker-daemon',
    container: 'web-1',
  })
  assert.deepEqual(parseSourceRef(`container:containers-storage:${ID}`), {
    transport: 'container',
    store: 'containers-storage',
    container: ID,
  })
  assert.deepEqual(parseSourceRef('container:containers-storage:[vfs@/g+/r]my_app.2'), {
    transport: 'container',
    store: 'containers-storage',
    storage: { driver: 'vfs', graphRoot: '/g', runRoot: '/r' },
    container: 'my_app.2',
  })
})

test('written back the same; a digest does not pin a container', () => {
  for (const text of [
    'container:docker-daemon:web-1',
    `container:docker-daemon:${ID.slice(0, 12)}`,
    'container:containers-storage:web',
    'container:containers-storage:[overlay@/var/lib/containers/storage+/run/containers]web',
    'container:containers-storage:[/graph]web',
  ]) {
    const ref = parseSourceRef(text)
    assert.equal(formatSourceRef(ref), text)
    assert.deepEqual(withDigest(ref, `sha256:${ID}`), ref)
  }
})

test('refused: another store, no container, a name docker and podman would not accept', () => {
  for (const [text, message] of [
    ['container:containerd:web', /container:docker-daemon:NAME/],
    ['container:docker-daemon:', /names no container/],
    ['container:containers-storage:[vfs@/g+/r]', /names no container/],
    ['container:docker-daemon:../etc', /not a container name or ID/],
    ['container:docker-daemon:-x', /not a container name or ID/],
    ['container:containers-storage:[vfs@relative]web', /absolute path/],
    ['container:containers-storage:[vfs@/g web', /missing its "\]"/],
  ] as const) {
    assert.throws(
      () => parseSourceRef(text),
      (error) =>
        error instanceof StrataError && error.code === 'BAD_INPUT' && message.test(error.message),
      text,
    )
  }
})
