import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { StrataError } from '../../../shared/errors'
import {
  computeDigest,
  isDigest,
  parseDigest,
  shortDigest,
  verifyBytes,
} from '../../../shared/digest'

const HEX64 = '0123456789abcdef'.repeat(4)
const HEX128 = HEX64 + HEX64
const EMPTY_SHA256 = 'sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'

function rejects(fn: () => unknown, code: string, pattern: RegExp): void {
  assert.throws(fn, (error: unknown) => {
    assert.ok(error instanceof StrataError)
    assert.equal(error.code, code)
    assert.match(error.message, pattern)
    return true
  })
}

describe('parseDigest', () => {
  test('sha256 and sha512', () => {
    assert.deepEqual(parseDigest(`sha256:${HEX64}`), { algorithm: 'sha256', encoded: HEX64 })
    assert.deepEqual(parseDigest(`sha512:${HEX128}`), { algorithm: 'sha512', encoded: HEX128 })
  })
  test('wrong length or case', () => {
    rejects(() => parseDigest('sha256:abc'), 'BAD_INPUT', /64 lowercase hex digits.*3 characters/)
    rejects(() => parseDigest(`sha256:${HEX64.toUpperCase()}`), 'BAD_INPUT', /lowercase hex/)
    rejects(() => parseDigest(`sha512:${HEX64}`), 'BAD_INPUT', /128 lowercase hex/)
    rejects(() => parseDigest(`sha256:${HEX64}0`), 'BAD_INPUT', /65 characters/)
  })
  test('grammar-valid but unknown algorithm is named', () => {
    rejects(() => parseDigest(`md5:${'a'.repeat(32)}`), 'BAD_INPUT', /algorithm "md5"/)
    rejects(
      () => parseDigest(`multihash+base58:QmRZxt2b1FVZPNqd8hsiykDL3TdBDeTSPX9Kv46HmX4Gx8`),
      'BAD_INPUT',
      /"multihash\+base58" is not supported/,
    )
  })
  test('not a digest at all', () => {
    for (const s of ['', 'sha256', ':abc', 'sha256:', 'SHA256:abc', 'sha256:a b', 'sha256+:abc']) {
      rejects(() => parseDigest(s), 'BAD_INPUT', /is not a digest/)
    }
  })
  test('isDigest', () => {
    assert.equal(isDigest(`sha256:${HEX64}`), true)
    assert.equal(isDigest('sha256:abc'), false)
    assert.equal(isDigest('latest'), false)
  })
})

test('shortDigest', () => {
  assert.equal(shortDigest(`sha256:${HEX64}`), 'sha256:0123456789ab')
  assert.equal(shortDigest(`sha256:${HEX64}`, 7), 'sha256:0123456')
  assert.equal(shortDigest(`sha512:${HEX128}`, 4), 'sha512:0123')
})

describe('computeDigest', () => {
  test('empty input', async () => {
    assert.equal(await computeDigest(new Uint8Array()), EMPTY_SHA256)
  })
  test('matches node:crypto for sha256 and sha512', async () => {
    const bytes = new TextEncoder().encode('{"schemaVersion":2}')
    const sha256 = createHash('sha256').update(bytes).digest('hex')
    const sha512 = createHash('sha512').update(bytes).digest('hex')
    assert.equal(await computeDigest(bytes), `sha256:${sha256}`)
    assert.equal(await computeDigest(bytes, 'sha512'), `sha512:${sha512}`)
  })
  test('hashes only the view, not the whole underlying buffer', async () => {
    const whole = new TextEncoder().encode('xxhelloxx')
    const view = whole.subarray(2, 7)
    const expected = createHash('sha256').update('hello').digest('hex')
    assert.equal(await computeDigest(view), `sha256:${expected}`)
    const shared = new Uint8Array(new SharedArrayBuffer(5))
    shared.set(new TextEncoder().encode('hello'))
    assert.equal(await computeDigest(shared), `sha256:${expected}`)
  })
})

describe('verifyBytes', () => {
  const bytes = new TextEncoder().encode('layer bytes')
  const good = `sha256:${createHash('sha256').update(bytes).digest('hex')}`

  test('accepts matching bytes, with or without a size', async () => {
    await verifyBytes(bytes, good)
    await verifyBytes(bytes, good, bytes.byteLength)
  })
  test('size mismatch', async () => {
    await assert.rejects(verifyBytes(bytes, good, 99), (error: unknown) => {
      assert.ok(error instanceof StrataError)
      assert.equal(error.code, 'SIZE_MISMATCH')
      assert.match(error.message, /11 bytes.*says 99/)
      return true
    })
  })
  test('digest mismatch names both digests', async () => {
    await assert.rejects(verifyBytes(bytes, EMPTY_SHA256), (error: unknown) => {
      assert.ok(error instanceof StrataError)
      assert.equal(error.code, 'DIGEST_MISMATCH')
      assert.equal(error.detail?.expectedDigest, EMPTY_SHA256)
      assert.equal(error.detail?.actualDigest, good)
      assert.ok(error.message.includes(EMPTY_SHA256) && error.message.includes(good))
      return true
    })
  })
  test('sha512 descriptors are verified with sha512', async () => {
    const sha512 = `sha512:${createHash('sha512').update(bytes).digest('hex')}`
    await verifyBytes(bytes, sha512, bytes.byteLength)
  })
  test('a malformed expected digest is BAD_INPUT', async () => {
    await assert.rejects(verifyBytes(bytes, 'sha256:nope'), { code: 'BAD_INPUT' })
  })
})
