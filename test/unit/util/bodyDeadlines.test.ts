// Progress deadlines on registry bodies (electron/util/bodyDeadlines.ts) with short,
// injected windows, and holdStreamErrors (electron/util/holdStreamErrors.ts), which keeps an
// early stream error from ending the process.

import { after, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { PassThrough, Writable } from 'node:stream'
import type { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { StrataError } from '../../../shared/errors'
import type { BodyDeadlines } from '../../../electron/util/bodyDeadlines'
import { DEFAULT_BODY_DEADLINES, bodyDeadlinesFromEnv } from '../../../electron/util/bodyDeadlines'
import type { IncomingResponse, ResponseBody } from '../../../electron/registry/httpTransport'
import { readCapped, readErrorBody } from '../../../electron/registry/readBody'
import { verifyingStream } from '../../../electron/sources/verify'
import { holdStreamErrors } from '../../../electron/util/holdStreamErrors'

const SHORT: BodyDeadlines = {
  documentTotalMs: 600,
  documentIdleMs: 250,
  blobWindowMs: 200,
  blobMinBytes: 1024,
}

/** A body that sends `bytes` one at a time, every `everyMs`. */
function drip(bytes: Buffer, everyMs: number): PassThrough {
  const body = new PassThrough()
  let at = 0
  const timer = setInterval(() => {
    if (body.destroyed) return clearInterval(timer)
    if (at >= bytes.length) {
      clearInterval(timer)
      body.end()
      return
    }
    body.write(bytes.subarray(at, (at += 1)))
  }, everyMs)
  return body
}

function response(body: Readable, deadlines: BodyDeadlines): IncomingResponse {
  return {
    status: 200,
    headers: {},
    body: body as unknown as ResponseBody,
    url: new URL('http://127.0.0.1:5000/v2/'),
    deadlines,
  }
}

async function failure(work: Promise<unknown>): Promise<StrataError> {
  try {
    await work
  } catch (error) {
    assert.ok(error instanceof StrataError, String(error))
    return error
  }
  throw new Error('did not fail')
}

const context = { host: '127.0.0.1:5000', what: 'manifest demo/app:v1' }

// The deadline timers are unref'd (they must not hold a quitting app open); in the app the
// request's socket keeps the loop alive, here this timer does.
const alive = setInterval(() => undefined, 1000)
after(() => clearInterval(alive))

describe('document deadlines', () => {
  it('fails a dripping document at its total deadline, naming host and document', async () => {
    const started = Date.now()
    const error = await failure(
      readCapped(response(drip(Buffer.from('{"a":1}'.repeat(100)), 100), SHORT), 1 << 20, context),
    )
    const elapsed = Date.now() - started
    assert.equal(error.code, 'TIMEOUT')
    assert.equal(error.detail?.host, '127.0.0.1:5000')
    assert.match(error.message, /127\.0\.0\.1:5000 sent manifest demo\/app:v1 too slowly/)
    assert.match(error.message, /not complete after 0\.6 s/)
    assert.ok(elapsed >= 550 && elapsed < 2000, `${elapsed} ms`)
  })

  it('fails a document that goes silent at its idle deadline', async () => {
    const body = new PassThrough()
    body.write('{"a"')
    const error = await failure(readCapped(response(body, SHORT), 1 << 20, context))
    assert.equal(error.code, 'TIMEOUT')
    assert.match(error.message, /nothing for 0\.3 s|nothing for 0\.25 s/)
  })

  it('reads a document that arrives in time', async () => {
    const body = drip(Buffer.from('{"ok":1}'), 10)
    const bytes = await readCapped(response(body, SHORT), 1 << 20, context)
    assert.equal(Buffer.from(bytes).toString(), '{"ok":1}')
  })

  it('cuts a dripping error body off at the deadline, keeping what came', async () => {
    const started = Date.now()
    const text = await readErrorBody(
      drip(Buffer.from('{"errors":[]}'.repeat(50)), 50) as unknown as ResponseBody,
      SHORT,
    )
    assert.ok(Date.now() - started < 2000)
    assert.ok(text.startsWith('{"err'), text)
  })
})

describe('blob rate', () => {
  const layer = Buffer.alloc(64 * 1024, 7)
  const expected = {
    digest: `sha256:${createHash('sha256').update(layer).digest('hex')}`,
    size: layer.length,
  }

  it('fails a blob under the minimum rate with TIMEOUT naming host and blob', async () => {
    const started = Date.now()
    const stream = verifyingStream(drip(layer, 20), expected, {
      host: '127.0.0.1:5000',
      deadlines: SHORT,
    })
    const error = await failure(pipeline(stream, new PassThrough().resume()))
    assert.equal(error.code, 'TIMEOUT')
    assert.match(error.message, new RegExp(`blob ${expected.digest} too slowly`))
    assert.match(error.message, /fewer than 1 KiB in 0\.2 s/)
    assert.ok(Date.now() - started < 1500)
  })

  it('does not count time our own reader held the stream back', async () => {
    const source = new PassThrough()
    source.end(layer)
    const stream = verifyingStream(source, expected, { host: 'h', deadlines: SHORT })
    // Nobody reads for five windows: back-pressure pauses the source, which is not its fault.
    await new Promise((resolve) => setTimeout(resolve, 5 * SHORT.blobWindowMs))
    const chunks: Buffer[] = []
    for await (const chunk of stream as AsyncIterable<Buffer>) chunks.push(chunk)
    assert.equal(Buffer.concat(chunks).length, layer.length)
  })
})

describe('bodyDeadlinesFromEnv', () => {
  it('reads overrides and keeps defaults for the rest', () => {
    assert.equal(bodyDeadlinesFromEnv(undefined), DEFAULT_BODY_DEADLINES)
    assert.deepEqual(bodyDeadlinesFromEnv('documentTotalMs=3000, blobWindowMs=1500'), {
      ...DEFAULT_BODY_DEADLINES,
      documentTotalMs: 3000,
      blobWindowMs: 1500,
    })
  })

  it('refuses unknown keys and non-numbers with BAD_INPUT', () => {
    for (const text of ['nope=1', 'blobWindowMs=fast', 'blobWindowMs=0', 'blobWindowMs']) {
      assert.throws(
        () => bodyDeadlinesFromEnv(text),
        (error: unknown) => error instanceof StrataError && error.code === 'BAD_INPUT',
        text,
      )
    }
  })
})

describe('holdStreamErrors', () => {
  it('keeps an error before any listener from throwing, and reports it to pipeline later', async () => {
    const stream = holdStreamErrors(new PassThrough())
    stream.destroy(new Error('reset early'))
    await new Promise((resolve) => setTimeout(resolve, 20)) // the consumer is busy elsewhere
    await assert.rejects(
      pipeline(stream, new Writable({ write: (_c, _e, cb) => cb() })),
      /reset early/,
    )
  })

  it('calls an error listener attached after the error, once', async () => {
    const stream = holdStreamErrors(new PassThrough())
    stream.destroy(new Error('gone'))
    await new Promise((resolve) => setTimeout(resolve, 20))
    const heard: string[] = []
    stream.on('error', (error) => heard.push(error.message))
    await new Promise((resolve) => setTimeout(resolve, 20))
    assert.deepEqual(heard, ['gone'])
  })
})
