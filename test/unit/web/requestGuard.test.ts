import assert from 'node:assert/strict'
import { test } from 'node:test'
import {
  isAllowedHost,
  isAllowedOrigin,
  readCookie,
  tokensMatch,
} from '../../../electron/web/requestGuard'
import { resolveInside } from '../../../electron/util/staticFiles'
import { parseServeArguments } from '../../../electron/web/serveArguments'

test('Host header must name our loopback port exactly', () => {
  assert.equal(isAllowedHost('127.0.0.1:4321', 4321), true)
  assert.equal(isAllowedHost('localhost:4321', 4321), true)
  assert.equal(isAllowedHost('127.0.0.1:4322', 4321), false)
  assert.equal(isAllowedHost('evil.example:4321', 4321), false, 'DNS rebinding host')
  assert.equal(isAllowedHost('127.0.0.1', 4321), false)
  assert.equal(isAllowedHost(undefined, 4321), false)
})

test('Origin may be absent, otherwise must be our own origin', () => {
  assert.equal(isAllowedOrigin(undefined, 80), true)
  assert.equal(isAllowedOrigin('http://127.0.0.1:80', 80), true)
  assert.equal(isAllowedOrigin('http://localhost:80', 80), true)
  assert.equal(isAllowedOrigin('https://127.0.0.1:80', 80), false)
  assert.equal(isAllowedOrigin('http://127.0.0.1:81', 80), false)
  assert.equal(isAllowedOrigin('null', 80), false)
  assert.equal(isAllowedOrigin('http://attacker.test', 80), false)
})

test('tokens compare exactly and refuse absent or different-length candidates', () => {
  assert.equal(tokensMatch('abc', 'abc'), true)
  assert.equal(tokensMatch('abd', 'abc'), false)
  assert.equal(tokensMatch('ab', 'abc'), false)
  assert.equal(tokensMatch(undefined, 'abc'), false)
})

test('cookies are read by exact name', () => {
  assert.equal(readCookie('a=1; strata_session_5=tok=x; b=2', 'strata_session_5'), 'tok=x')
  assert.equal(readCookie('xstrata_session_5=1', 'strata_session_5'), undefined)
  assert.equal(readCookie(undefined, 'a'), undefined)
})

test('static paths never escape the renderer directory', () => {
  const root = '/srv/renderer'
  assert.equal(resolveInside(root, '/index.html'), '/srv/renderer/index.html')
  assert.equal(resolveInside(root, '/assets/a.js'), '/srv/renderer/assets/a.js')
  assert.equal(resolveInside(root, '/../etc/passwd'), '/srv/renderer/etc/passwd')
  assert.equal(resolveInside(root, '/%2e%2e/%2e%2e/etc/passwd'), '/srv/renderer/etc/passwd')
  assert.equal(resolveInside(root, '/a%00b'), undefined)
  assert.equal(resolveInside(root, '/%E0%A4%A'), undefined, 'malformed escapes')
})

test('serve arguments: --port N, --port=N, and clear errors', () => {
  assert.deepEqual(parseServeArguments([]), { port: 0 })
  assert.deepEqual(parseServeArguments(['--port', '8123']), { port: 8123 })
  assert.deepEqual(parseServeArguments(['--port=9000']), { port: 9000 })
  assert.throws(() => parseServeArguments(['--port', 'x']), /--port needs a number/)
  assert.throws(() => parseServeArguments(['--port', '70000']), /--port needs a number/)
  assert.throws(() => parseServeArguments(['--verbose']), /Unknown argument "--verbose"/)
})
