import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { StrataError } from '../../../shared/errors'
import {
  familiarName,
  formatReference,
  isLoopbackHost,
  parseReference,
  parseRepository,
  registryApiHost,
  repositoryOf,
} from '../../../shared/reference'

const D = `sha256:${'0123456789abcdef'.repeat(4)}`

function badInput(fn: () => unknown, pattern: RegExp): void {
  assert.throws(fn, (error: unknown) => {
    assert.ok(error instanceof StrataError, `expected StrataError, got ${String(error)}`)
    assert.equal(error.code, 'BAD_INPUT')
    assert.match(error.message, pattern)
    return true
  })
}

describe('parseReference normalizes as docker does', () => {
  const cases: [string, string][] = [
    ['alpine', 'docker.io/library/alpine:latest'],
    ['alpine:3.20', 'docker.io/library/alpine:3.20'],
    ['library/alpine', 'docker.io/library/alpine:latest'],
    ['docker.io/alpine', 'docker.io/library/alpine:latest'],
    ['docker.io/library/alpine:3.20', 'docker.io/library/alpine:3.20'],
    ['index.docker.io/library/alpine', 'docker.io/library/alpine:latest'],
    ['index.docker.io/alpine:edge', 'docker.io/library/alpine:edge'],
    ['docker/docker', 'docker.io/docker/docker:latest'],
    ['user/app:1', 'docker.io/user/app:1'],
    ['library/foo/bar', 'docker.io/library/foo/bar:latest'],
    ['ghcr.io/o/r', 'ghcr.io/o/r:latest'],
    [`ghcr.io/o/r@${D}`, `ghcr.io/o/r@${D}`],
    [`alpine:3.20@${D}`, `docker.io/library/alpine:3.20@${D}`],
    [`alpine@${D}`, `docker.io/library/alpine@${D}`],
    ['localhost/foo', 'localhost/foo:latest'],
    ['localhost:5000/a/b/c/d:tag', 'localhost:5000/a/b/c/d:tag'],
    ['127.0.0.1:5000/x', '127.0.0.1:5000/x:latest'],
    ['[::1]:5000/x', '[::1]:5000/x:latest'],
    ['[fe80::1]/x:v1', '[fe80::1]/x:v1'],
    ['docker://alpine', 'docker.io/library/alpine:latest'],
    ['docker://localhost:5000/demo/app:v1', 'localhost:5000/demo/app:v1'],
    ['  alpine:3.20  ', 'docker.io/library/alpine:3.20'],
    ['foo_bar/baz-qux__x---y.z', 'docker.io/foo_bar/baz-qux__x---y.z:latest'],
    ['foo.bar/baz', 'foo.bar/baz:latest'],
    ['example.com/tags:v_1.2-rc.3', 'example.com/tags:v_1.2-rc.3'],
    ['Example.COM:443/app', 'Example.COM:443/app:latest'],
    ['alpine:_under', 'docker.io/library/alpine:_under'],
  ]
  for (const [input, expected] of cases) {
    test(`${input} → ${expected}`, () => {
      assert.equal(formatReference(parseReference(input)), expected)
    })
  }

  test('fields', () => {
    assert.deepEqual(parseReference('alpine'), {
      registry: 'docker.io',
      repository: 'library/alpine',
      tag: 'latest',
    })
    assert.deepEqual(parseReference(`ghcr.io/o/r@${D}`), {
      registry: 'ghcr.io',
      repository: 'o/r',
      digest: D,
    })
    assert.deepEqual(parseReference(`localhost:5000/a/b:t@${D}`), {
      registry: 'localhost:5000',
      repository: 'a/b',
      tag: 't',
      digest: D,
    })
  })

  test('a lone host:port without a slash is a Hub name with a tag (docker does the same)', () => {
    assert.equal(
      formatReference(parseReference('localhost:5000')),
      'docker.io/library/localhost:5000',
    )
  })
})

describe('parseReference refuses malformed references', () => {
  test('uppercase repository', () => {
    badInput(() => parseReference('Alpine'), /repository names must be lowercase/)
    badInput(() => parseReference('docker/Docker'), /must be lowercase/)
    badInput(() => parseReference('docker.io/docker/Docker:1'), /must be lowercase/)
  })
  test('bad tag', () => {
    badInput(
      () => parseReference('alpine:Bad$Tag!'),
      /tag "Bad\$Tag!" may only contain letters, digits, '_', '\.' and '-' \(max 128\)/,
    )
    badInput(() => parseReference('alpine:.hidden'), /tag "\.hidden"/)
    badInput(() => parseReference('alpine:-x'), /tag "-x"/)
    badInput(() => parseReference(`alpine:${'a'.repeat(129)}`), /max 128/)
    badInput(() => parseReference('alpine:'), /tag ""/)
    assert.equal(parseReference(`alpine:${'a'.repeat(128)}`).tag?.length, 128)
  })
  test('spaces and empty input', () => {
    badInput(() => parseReference(''), /empty/)
    badInput(() => parseReference('docker://'), /empty/)
    badInput(() => parseReference('alpine:Bad Tag'), /spaces/)
  })
  test('path components', () => {
    badInput(() => parseReference('-docker'), /path component "-docker"/)
    badInput(() => parseReference('docker///docker'), /empty path component/)
    badInput(() => parseReference('docker.io/docker///docker'), /empty path component/)
    badInput(() => parseReference('foo/'), /empty path component/)
    badInput(() => parseReference('a..b'), /path component "a\.\.b"/)
    badInput(() => parseReference('a___b'), /path component/)
    badInput(() => parseReference('https://github.com/docker/docker'), /registry "https:"/)
  })
  test('registry hosts', () => {
    badInput(() => parseReference('-docker.io/docker/docker'), /registry "-docker\.io"/)
    badInput(() => parseReference('host:port/x'), /registry "host:port"/)
    badInput(() => parseReference('[zz::1]:5000/x'), /registry/)
  })
  test('digests', () => {
    badInput(() => parseReference('alpine@sha256:abc'), /invalid digest.*64 lowercase hex/)
    badInput(() => parseReference(`alpine@md5:${'a'.repeat(32)}`), /algorithm "md5"/)
    badInput(() => parseReference('alpine@'), /no digest/)
    badInput(() => parseReference(`@${D}`), /no repository/)
  })
  test('64-hex names are image IDs', () => {
    badInput(() => parseReference('0123456789abcdef'.repeat(4)), /image ID/)
  })
  test('name length', () => {
    const long = `${'a'.repeat(100)}/${'b'.repeat(100)}/${'c'.repeat(60)}`
    badInput(() => parseReference(long), /maximum is 255/)
  })
  test('errors carry the input as subject', () => {
    try {
      parseReference('Bad')
      assert.fail('expected a throw')
    } catch (error) {
      assert.ok(error instanceof StrataError)
      assert.equal(error.detail?.subject, 'Bad')
    }
  })
})

describe('names', () => {
  const familiar: [string, string][] = [
    ['alpine', 'alpine:latest'],
    ['docker.io/library/ubuntu:22.04', 'ubuntu:22.04'],
    ['user/app:1', 'user/app:1'],
    ['docker.io/library/foo/bar', 'library/foo/bar:latest'],
    [`alpine@${D}`, `alpine@${D}`],
    ['ghcr.io/o/r:1', 'ghcr.io/o/r:1'],
    ['127.0.0.1:5000/foo', '127.0.0.1:5000/foo:latest'],
  ]
  for (const [input, expected] of familiar) {
    test(`familiarName(${input}) = ${expected}`, () => {
      assert.equal(familiarName(parseReference(input)), expected)
    })
  }
  test('repositoryOf', () => {
    assert.equal(repositoryOf(parseReference(`alpine:3@${D}`)), 'docker.io/library/alpine')
    assert.equal(repositoryOf(parseReference('localhost:5000/a/b:t')), 'localhost:5000/a/b')
  })
  test('registryApiHost', () => {
    assert.equal(registryApiHost('docker.io'), 'registry-1.docker.io')
    assert.equal(registryApiHost('ghcr.io'), 'ghcr.io')
    assert.equal(registryApiHost('127.0.0.1:5000'), '127.0.0.1:5000')
  })
})

describe('parseRepository', () => {
  test('accepts repositories', () => {
    assert.deepEqual(parseRepository('alpine'), {
      registry: 'docker.io',
      repository: 'library/alpine',
    })
    assert.deepEqual(parseRepository('docker://127.0.0.1:5000/demo/app'), {
      registry: '127.0.0.1:5000',
      repository: 'demo/app',
    })
  })
  test('refuses tags and digests', () => {
    badInput(() => parseRepository('alpine:3'), /without a tag or digest.*tag "3"/)
    badInput(() => parseRepository(`alpine@${D}`), /digest/)
    badInput(() => parseRepository('Alpine'), /lowercase/)
  })
})

describe('isLoopbackHost', () => {
  for (const host of [
    'localhost',
    'LOCALHOST:5000',
    '127.0.0.1',
    '127.0.0.1:5000',
    '127.1.2.3',
    '[::1]',
    '[::1]:5000',
    '::1',
  ]) {
    test(`${host} is loopback`, () => assert.equal(isLoopbackHost(host), true))
  }
  for (const host of [
    'example.com',
    '10.0.0.1:5000',
    '128.0.0.1',
    '127.0.0.256',
    '127.0.0',
    '[::2]:5000',
    'localhost.example.com',
    '',
  ]) {
    test(`${host || '(empty)'} is not loopback`, () => assert.equal(isLoopbackHost(host), false))
  }
})
