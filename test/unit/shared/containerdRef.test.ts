// containerd:[NAMESPACE]NAME[:TAG|@DIGEST] in shared/sourceRef: the namespace in brackets
// ("default" when absent, and then left out when written back), names kept as typed, and
// what is refused.

import assert from 'node:assert/strict'
import { test } from 'node:test'
import { formatSourceRef, parseSourceRef, withDigest } from '../../../shared/sourceRef'

const D = `sha256:${'ab'.repeat(32)}`

test('a namespace in brackets, "default" when absent', () => {
  assert.deepEqual(parseSourceRef('containerd:[k8s.io]docker.io/library/nginx:1.27'), {
    transport: 'containerd',
    namespace: 'k8s.io',
    image: 'docker.io/library/nginx:1.27',
  })
  assert.deepEqual(parseSourceRef('containerd:nginx:1.27'), {
    transport: 'containerd',
    namespace: 'default',
    image: 'nginx:1.27',
  })
  assert.deepEqual(parseSourceRef(`containerd:[moby]example.com/app@${D}`), {
    transport: 'containerd',
    namespace: 'moby',
    image: `example.com/app@${D}`,
  })
})

test('written back canonically: [default] left out, every other namespace kept', () => {
  for (const text of [
    'containerd:[k8s.io]docker.io/library/nginx:1.27',
    'containerd:docker.io/library/nginx:1.27',
    `containerd:[a_b-c.d]example.com/app@${D}`,
  ]) {
    assert.equal(formatSourceRef(parseSourceRef(text)), text)
  }
  assert.equal(
    formatSourceRef(parseSourceRef('containerd:[default]alpine:3.20')),
    'containerd:alpine:3.20',
  )
})

test('pinned to a digest: the repository at that digest, in the same namespace', () => {
  const pinned = withDigest(parseSourceRef('containerd:[k8s.io]docker.io/library/nginx:1.27'), D)
  assert.deepEqual(pinned, {
    transport: 'containerd',
    namespace: 'k8s.io',
    image: `docker.io/library/nginx@${D}`,
  })
})

test('refused with BAD_INPUT saying why', () => {
  const cases: [string, RegExp][] = [
    ['containerd:', /names no image/],
    ['containerd:[k8s.io]', /names no image/],
    ['containerd:[k8s.io nginx', /missing its "]"/],
    ['containerd:[]nginx', /not a containerd namespace/],
    ['containerd:[a..b]nginx', /not a containerd namespace/],
    ['containerd:[ns]a b', /must not contain spaces/],
  ]
  for (const [text, message] of cases) {
    assert.throws(() => parseSourceRef(text), { code: 'BAD_INPUT', message }, text)
  }
})
