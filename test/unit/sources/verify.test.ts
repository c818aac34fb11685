import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { Readable } from 'node:stream'
import { StrataError } from '../../../shared/errors'
import { lengthCheckingStream, verifyingStream } from '../../../electron/sources/verify'

const bytes = Buffer.from('layer bytes '.repeat(1000))
const digest = `sha256:${createHash('sha256').update(bytes).digest('hex')}`
const chunks = (b: Buffer): Readable =>
  Readable.from([b.subarray(0, 100), b.subarray(100, 5000), b.subarray(5000)])

async function collect(stream: Readable): Promise<Buffer> {
  const out: Buffer[] = []
  for await (const chunk of stream as AsyncIterable<Buffer>) out.push(chunk)
  return Buffer.concat(out)
}

async function failure(stream: Readable): Promise<StrataError> {
  try {
    await collect(stream)
  } catch (error) {
    assert.ok(error instanceof StrataError, String(error))
    return error
  }
  throw new Error('stream ended cleanly')
}

describe('verifyingStream', () => {
  const context = { host: '127.0.0.1:5000' }

  it('passes verified bytes through unchanged', async () => {
    const out = await collect(
      verifyingStream(chunks(bytes), { digest, size: bytes.length }, context),
    )
    assert.deepEqual(out, bytes)
  })

  it('errors with DIGEST_MISMATCH at the end when the bytes hash differently', async () => {
    const wrong = Buffer.from(bytes)
    wrong[10] = 0x21
    const error = await failure(
      verifyingStream(chunks(wrong), { digest, size: bytes.length }, context),
    )
    assert.equal(error.code, 'DIGEST_MISMATCH')
    assert.equal(error.detail?.expectedDigest, digest)
    assert.match(error.detail?.actualDigest ?? '', /^sha256:[0-9a-f]{64}$/)
  })

  it('errors with SIZE_MISMATCH for too few or too many bytes', async () => {
    const short = await failure(
      verifyingStream(chunks(bytes.subarray(0, 9000)), { digest, size: bytes.length }, context),
    )
    assert.equal(short.code, 'SIZE_MISMATCH')
    const long = await failure(
      verifyingStream(
        chunks(Buffer.concat([bytes, bytes])),
        { digest, size: bytes.length },
        context,
      ),
    )
    assert.equal(long.code, 'SIZE_MISMATCH')
  })

  it('verifies sha512 digests too', async () => {
    const d512 = `sha512:${createHash('sha512').update(bytes).digest('hex')}`
    const out = await collect(
      verifyingStream(chunks(bytes), { digest: d512, size: bytes.length }, context),
    )
    assert.equal(out.length, bytes.length)
  })

  it('turns a source failure into a StrataError and frees the source when destroyed', async () => {
    const broken = new Readable({ read() {} })
    const stream = verifyingStream(broken, { digest, size: bytes.length }, context)
    setImmediate(() => broken.destroy(Object.assign(new Error('reset'), { code: 'ECONNRESET' })))
    const error = await failure(stream)
    assert.equal(error.code, 'NETWORK')
    const idle = new Readable({ read() {} })
    const early = verifyingStream(idle, { digest, size: bytes.length }, context)
    early.destroy()
    await new Promise((resolve) => setImmediate(resolve))
    assert.equal(idle.destroyed, true)
  })
})

describe('lengthCheckingStream', () => {
  it('accepts exactly the expected length and refuses anything else', async () => {
    const ok = await collect(
      lengthCheckingStream(Readable.from([Buffer.from('abcd')]), 4, 'bytes 0-3', { host: 'h' }),
    )
    assert.equal(ok.toString(), 'abcd')
    const error = await failure(
      lengthCheckingStream(Readable.from([Buffer.from('abc')]), 4, 'bytes 0-3', { host: 'h' }),
    )
    assert.equal(error.code, 'SIZE_MISMATCH')
  })
})
