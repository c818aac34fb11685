import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { StrataError } from '../../../shared/errors'
import type { SourceRef } from '../../../shared/sourceRef'
import { TRANSPORTS, formatSourceRef, parseSourceRef, withDigest } from '../../../shared/sourceRef'

const D = `sha256:${'0123456789abcdef'.repeat(4)}`

function badInput(input: string, pattern: RegExp): void {
  assert.throws(
    () => parseSourceRef(input),
    (error: unknown) => {
      assert.ok(error instanceof StrataError, String(error))
      assert.equal(error.code, 'BAD_INPUT')
      assert.match(error.message, pattern)
      return true
    },
  )
}

describe('parseSourceRef', () => {
  const cases: [string, SourceRef][] = [
    [
      'alpine',
      {
        transport: 'docker',
        image: { registry: 'docker.io', repository: 'library/alpine', tag: 'latest' },
      },
    ],
    [
      '  docker://127.0.0.1:5000/demo/app:v1  ',
      {
        transport: 'docker',
        image: { registry: '127.0.0.1:5000', repository: 'demo/app', tag: 'v1' },
      },
    ],
    [
      'docker:latest',
      {
        transport: 'docker',
        image: { registry: 'docker.io', repository: 'library/docker', tag: 'latest' },
      },
    ],
    ['oci:/tmp/layout', { transport: 'oci', path: '/tmp/layout' }],
    ['oci:/tmp/a:b', { transport: 'oci', path: '/tmp/a', reference: 'b' }],
    ['oci:relative/dir:v1.0', { transport: 'oci', path: 'relative/dir', reference: 'v1.0' }],
    ['oci:/tmp/a:b/c', { transport: 'oci', path: '/tmp/a:b/c' }],
    ['oci:/tmp/a:b/c:', { transport: 'oci', path: '/tmp/a:b/c' }],
    [`oci:/tmp/a:${D}`, { transport: 'oci', path: '/tmp/a', reference: D }],
    [
      'oci-archive:/tmp/x.tar:v2',
      { transport: 'oci-archive', path: '/tmp/x.tar', reference: 'v2' },
    ],
    ['docker-archive:/tmp/x.tar', { transport: 'docker-archive', path: '/tmp/x.tar' }],
    [
      'docker-archive:/tmp/x.tar:alpine:3.20',
      { transport: 'docker-archive', path: '/tmp/x.tar', reference: 'alpine:3.20' },
    ],
    [
      'docker-archive:/tmp/x.tar:localhost:5000/app:1',
      { transport: 'docker-archive', path: '/tmp/x.tar', reference: 'localhost:5000/app:1' },
    ],
    [
      'docker-archive:/tmp/x.tar:@1',
      { transport: 'docker-archive', path: '/tmp/x.tar', reference: '@1' },
    ],
    ['dir:/tmp/d', { transport: 'dir', path: '/tmp/d' }],
    ['dir:/tmp/with:colon', { transport: 'dir', path: '/tmp/with:colon' }],
    ['containers-storage:alpine:3.20', { transport: 'containers-storage', image: 'alpine:3.20' }],
    [
      'containers-storage:[overlay@/var/lib/containers/storage+/run/containers/storage]docker.io/library/alpine:latest',
      {
        transport: 'containers-storage',
        store: {
          driver: 'overlay',
          graphRoot: '/var/lib/containers/storage',
          runRoot: '/run/containers/storage',
        },
        image: 'docker.io/library/alpine:latest',
      },
    ],
    [
      'containers-storage:[/home/u/.local/share/containers/storage]app',
      {
        transport: 'containers-storage',
        store: { graphRoot: '/home/u/.local/share/containers/storage' },
        image: 'app',
      },
    ],
    ['docker-daemon:alpine:3.20', { transport: 'docker-daemon', image: 'alpine:3.20' }],
    [`docker-daemon:${D}`, { transport: 'docker-daemon', image: D }],
  ]
  for (const [input, expected] of cases) {
    test(input.trim(), () => assert.deepEqual(parseSourceRef(input), expected))
  }
})

describe('parseSourceRef refuses', () => {
  test('empty input and empty paths', () => {
    badInput('', /empty/)
    badInput('   ', /empty/)
    badInput('oci:', /no path/)
    badInput('oci::v1', /no path/)
    badInput('dir:', /no path/)
    badInput('docker-archive:', /no path/)
    badInput('containers-storage:', /names no image/)
    badInput('containers-storage:[/var/lib/s]', /names no image/)
    badInput('docker-daemon:', /names no image/)
  })
  test('unknown transports, listing the known ones', () => {
    badInput('ostree:/repo', /unknown transport "ostree:".*docker:\/\/, oci:, oci-archive:/)
    badInput('tarball:./x.tar', /unknown transport "tarball:"/)
  })
  test('docker: without //', () => badInput('docker:/foo/bar', /written "docker:\/\/foo\/bar"/))
  test('store specifications', () => {
    badInput('containers-storage:[overlay@/x', /missing its "\]"/)
    badInput('containers-storage:[@/x]img', /driver/)
    badInput('containers-storage:[overlay@relative]img', /graph root must be an absolute path/)
    badInput('containers-storage:[/g+run]img', /run root must be an absolute path/)
  })
  test('bad docker references keep their own message', () => {
    badInput('docker://Alpine', /lowercase/)
    badInput('localhost:5000/App', /lowercase/)
    badInput('docker-daemon:Alpine', /lowercase/)
  })
})

describe('formatSourceRef round-trips every transport', () => {
  const canonical = [
    'docker://docker.io/library/alpine:latest',
    `docker://ghcr.io/o/r:1@${D}`,
    `docker://[::1]:5000/x@${D}`,
    'oci:/tmp/layout',
    'oci:/tmp/layout:v1',
    `oci:/tmp/layout:${D}`,
    'oci:/tmp/with:colon:',
    'oci:/tmp/with:colon:v1',
    'oci-archive:/tmp/x.tar',
    'oci-archive:/tmp/x.tar:latest',
    'docker-archive:/tmp/x.tar',
    'docker-archive:/tmp/x.tar:alpine:3.20',
    'docker-archive:/tmp/x.tar:@0',
    'docker-archive:/tmp/a:b/x.tar:',
    'dir:/tmp/d',
    'containers-storage:alpine',
    'containers-storage:[overlay@/var/lib/containers/storage+/run/containers/storage]alpine:1',
    'containers-storage:[vfs@/g]alpine',
    'containers-storage:[/g+/r]alpine',
    'docker-daemon:alpine:latest',
    `docker-daemon:${D}`,
  ]
  for (const text of canonical) {
    test(text, () => {
      const parsed = parseSourceRef(text)
      assert.equal(formatSourceRef(parsed), text)
      assert.deepEqual(parseSourceRef(formatSourceRef(parsed)), parsed)
    })
  }
  test('bare references become docker://', () => {
    assert.equal(
      formatSourceRef(parseSourceRef('alpine')),
      'docker://docker.io/library/alpine:latest',
    )
  })
  test('paths with colons survive formatting', () => {
    for (const ref of [
      { transport: 'oci', path: '/tmp/a:b' },
      { transport: 'oci-archive', path: `/x:${D}` },
      { transport: 'docker-archive', path: '/tmp/a:b' },
      { transport: 'oci', path: '/tmp/a:b', reference: 'v1' },
    ] as const) {
      assert.deepEqual(parseSourceRef(formatSourceRef(ref)), ref)
    }
  })
})

describe('withDigest', () => {
  test('docker drops the tag and pins the digest', () => {
    const pinned = withDigest(parseSourceRef('localhost:5000/demo/app:v1'), D)
    assert.equal(formatSourceRef(pinned), `docker://localhost:5000/demo/app@${D}`)
  })
  test('oci layouts use the digest as reference', () => {
    assert.equal(formatSourceRef(withDigest(parseSourceRef('oci:/tmp/l:v1'), D)), `oci:/tmp/l:${D}`)
    assert.equal(
      formatSourceRef(withDigest(parseSourceRef('oci-archive:/tmp/l.tar'), D)),
      `oci-archive:/tmp/l.tar:${D}`,
    )
  })
  test('local stores name repository@digest', () => {
    const store = '[overlay@/g+/r]'
    assert.equal(
      formatSourceRef(withDigest(parseSourceRef(`containers-storage:${store}alpine:3`), D)),
      `containers-storage:${store}docker.io/library/alpine@${D}`,
    )
    assert.equal(
      formatSourceRef(withDigest(parseSourceRef('docker-daemon:alpine:3'), D)),
      `docker-daemon:alpine@${D}`,
    )
  })
  test('single-image locations and image IDs come back unchanged', () => {
    for (const text of ['dir:/tmp/d', 'docker-archive:/tmp/x.tar:a:1', `docker-daemon:${D}`]) {
      const ref = parseSourceRef(text)
      assert.deepEqual(withDigest(ref, D), ref)
    }
  })
  test('refuses a malformed digest', () => {
    assert.throws(() => withDigest(parseSourceRef('alpine'), 'sha256:x'), { code: 'BAD_INPUT' })
  })
})

test('TRANSPORTS describes every transport once', () => {
  const names = TRANSPORTS.map((t) => t.transport).sort()
  assert.deepEqual(names, [
    'container',
    'containerd',
    'containers-storage',
    'dir',
    'docker',
    'docker-archive',
    'docker-daemon',
    'oci',
    'oci-archive',
  ])
  for (const t of TRANSPORTS) assert.ok(t.syntax.length > 0 && t.description.length > 0)
})
