import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { StrataError } from '../../../shared/errors'
import {
  describeRegistryErrors,
  parseErrorEnvelope,
} from '../../../electron/registry/errorEnvelope'
import { statusError, transportError } from '../../../electron/registry/httpErrors'

const host = '127.0.0.1:5000'

describe('parseErrorEnvelope', () => {
  it('reads the distribution error body', () => {
    const body = JSON.stringify({
      errors: [
        { code: 'MANIFEST_UNKNOWN', message: 'manifest unknown', detail: { Tag: 'v9' } },
        { code: 'NAME_UNKNOWN', message: 'repository name not known to registry' },
      ],
    })
    const items = parseErrorEnvelope(body)
    assert.deepEqual(items, [
      { code: 'MANIFEST_UNKNOWN', message: 'manifest unknown', detail: '{"Tag":"v9"}' },
      { code: 'NAME_UNKNOWN', message: 'repository name not known to registry' },
    ])
    assert.equal(
      describeRegistryErrors(items),
      'MANIFEST_UNKNOWN: manifest unknown; NAME_UNKNOWN: repository name not known to registry',
    )
  })

  it('returns nothing for bodies that are not an envelope', () => {
    for (const body of ['', 'not json', '[]', '{"errors":"x"}', '{"message":"x"}', undefined]) {
      assert.deepEqual(parseErrorEnvelope(body), [])
    }
    assert.deepEqual(parseErrorEnvelope('{"errors":[{"message":"no code"},7,{"code":"DENIED"}]}'), [
      { code: 'DENIED', message: '' },
    ])
  })

  it('reads bytes and clips huge fields', () => {
    const big = 'x'.repeat(5000)
    const [item] = parseErrorEnvelope(
      new TextEncoder().encode(JSON.stringify({ errors: [{ code: 'X', message: big }] })),
    )
    assert.ok((item?.message.length ?? 0) < 1100)
  })
})

describe('statusError', () => {
  const manifest = { kind: 'manifest', repository: 'demo/app', reference: 'v9' } as const

  it('maps 404 to NOT_FOUND naming the tag, digest, repository or blob', () => {
    const tag = statusError({ status: 404, headers: {}, host, target: manifest })
    assert.equal(tag.code, 'NOT_FOUND')
    assert.equal(tag.message, `no tag v9 in demo/app on ${host}`)
    const digest = 'sha256:' + 'a'.repeat(64)
    const byDigest = statusError({
      status: 404,
      headers: {},
      host,
      target: { ...manifest, reference: digest },
    })
    assert.equal(byDigest.message, `no manifest ${digest} in demo/app on ${host}`)
    const repo = statusError({
      status: 404,
      headers: {},
      host,
      target: manifest,
      body: '{"errors":[{"code":"NAME_UNKNOWN","message":"repository name not known to registry"}]}',
    })
    assert.equal(repo.message, `no repository demo/app on ${host}`)
    assert.deepEqual(repo.detail?.registryErrors, [
      { code: 'NAME_UNKNOWN', message: 'repository name not known to registry' },
    ])
    const blob = statusError({
      status: 404,
      headers: {},
      host,
      target: { kind: 'blob', repository: 'demo/app', digest },
    })
    assert.equal(blob.message, `no blob ${digest} in demo/app on ${host}`)
  })

  it('maps 401, 403, 429 with Retry-After, 406 and 5xx', () => {
    assert.equal(
      statusError({ status: 401, headers: {}, host, target: manifest }).code,
      'AUTH_REQUIRED',
    )
    assert.equal(
      statusError({ status: 403, headers: {}, host, target: manifest }).code,
      'FORBIDDEN',
    )
    const limited = statusError({
      status: 429,
      headers: { 'retry-after': '120' },
      host,
      target: manifest,
    })
    assert.equal(limited.code, 'RATE_LIMITED')
    assert.equal(limited.detail?.retryAfterSeconds, 120)
    assert.match(limited.message, /try again in 120 s/)
    assert.equal(
      statusError({ status: 406, headers: {}, host, target: manifest }).code,
      'UNSUPPORTED_MEDIA_TYPE',
    )
    const server = statusError({ status: 503, headers: {}, host, target: { kind: 'catalog' } })
    assert.equal(server.code, 'SERVER_ERROR')
    assert.equal(server.detail?.status, 503)
    assert.equal(server.detail?.host, host)
  })
})

describe('transportError', () => {
  it('says "cannot reach HOST (CODE)" for connection failures, looking through causes', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })
    const e = transportError(refused, host)
    assert.equal(e.code, 'NETWORK')
    assert.equal(e.message, `cannot reach ${host} (ECONNREFUSED)`)
    const wrapped = Object.assign(new Error('other side closed'), {
      code: 'UND_ERR_SOCKET',
      cause: Object.assign(new Error('reset'), { code: 'ECONNRESET' }),
    })
    assert.equal(transportError(wrapped, host).detail?.cause, 'ECONNRESET')
    const aggregate = Object.assign(new AggregateError([refused], 'all failed'), {})
    assert.equal(transportError(aggregate, host).detail?.cause, 'ECONNREFUSED')
  })

  it('maps undici timeouts to TIMEOUT and aborts to CANCELLED', () => {
    for (const code of [
      'UND_ERR_CONNECT_TIMEOUT',
      'UND_ERR_HEADERS_TIMEOUT',
      'UND_ERR_BODY_TIMEOUT',
    ]) {
      assert.equal(transportError(Object.assign(new Error(code), { code }), host).code, 'TIMEOUT')
    }
    const controller = new AbortController()
    controller.abort()
    assert.equal(transportError(new Error('whatever'), host, controller.signal).code, 'CANCELLED')
    const abort = new DOMException('aborted', 'AbortError')
    assert.equal(transportError(abort, host).code, 'CANCELLED')
  })

  it('passes StrataErrors through and names TLS problems', () => {
    const own = new StrataError('DIGEST_MISMATCH', 'x')
    assert.equal(transportError(own, host), own)
    const tls = transportError(
      Object.assign(new Error('self signed'), { code: 'DEPTH_ZERO_SELF_SIGNED_CERT' }),
      host,
    )
    assert.equal(tls.code, 'NETWORK')
    assert.match(tls.message, /TLS certificate/)
  })
})
