// Progress deadlines for response bodies. undici's bodyTimeout only trips on a silent
// connection; a registry that sends one byte every few seconds would hold a call forever. So:
//  - small documents (manifests, configs, tag lists, tokens, error bodies) must arrive whole
//    within DOCUMENT_TOTAL_MS, with no gap between chunks longer than DOCUMENT_IDLE_MS;
//  - blobs (layers, ranges) must deliver at least BLOB_MIN_BYTES in every BLOB_WINDOW_MS
//    while we are waiting for them (a window in which our own reader held the stream back, by
//    back-pressure, is not counted against the registry).
// The numbers travel with each response (IncomingResponse.deadlines), set per client, so tests
// can use short windows; STRATA_BODY_DEADLINES (see bodyDeadlinesFromEnv) sets them for web
// mode and the desktop app.

import type { Readable } from 'node:stream'
import { StrataError } from '../../shared/errors'

export interface BodyDeadlines {
  /** A small document must arrive whole within this many ms of its headers. */
  readonly documentTotalMs: number
  /** ... and never pause longer than this between two chunks. */
  readonly documentIdleMs: number
  /** A blob must deliver at least blobMinBytes in every window this long... */
  readonly blobWindowMs: number
  /** ... or it fails with TIMEOUT. */
  readonly blobMinBytes: number
}

export const DOCUMENT_TOTAL_MS = 30_000
export const DOCUMENT_IDLE_MS = 15_000
export const BLOB_WINDOW_MS = 20_000
export const BLOB_MIN_BYTES = 16 * 1024

export const DEFAULT_BODY_DEADLINES: BodyDeadlines = Object.freeze({
  documentTotalMs: DOCUMENT_TOTAL_MS,
  documentIdleMs: DOCUMENT_IDLE_MS,
  blobWindowMs: BLOB_WINDOW_MS,
  blobMinBytes: BLOB_MIN_BYTES,
})

/** Environment variable that overrides some of the numbers: "documentTotalMs=2000,blobWindowMs=1500". */
export const BODY_DEADLINES_ENV = 'STRATA_BODY_DEADLINES'

const KEYS = ['documentTotalMs', 'documentIdleMs', 'blobWindowMs', 'blobMinBytes'] as const

/** The deadlines with the overrides `text` names; BAD_INPUT for anything unreadable. */
export function bodyDeadlinesFromEnv(text: string | undefined): BodyDeadlines {
  if (text === undefined || text.trim() === '') return DEFAULT_BODY_DEADLINES
  const result: Record<(typeof KEYS)[number], number> = { ...DEFAULT_BODY_DEADLINES }
  for (const part of text.split(',')) {
    const [key = '', value = ''] = part.split('=').map((s) => s.trim())
    const number = Number(value)
    const known = (KEYS as readonly string[]).includes(key)
    if (!known || !/^\d+$/.test(value) || number < 1 || !Number.isSafeInteger(number)) {
      throw new StrataError(
        'BAD_INPUT',
        `${BODY_DEADLINES_ENV} has "${part.trim()}"; expected ${KEYS.join('|')}=<positive integer>`,
      )
    }
    result[key as (typeof KEYS)[number]] = number
  }
  return result
}

export interface BodyWatch {
  /** Call on every chunk received. */
  readonly progress: (bytes: number) => void
  /** Call when the body is done (ended, failed or abandoned). */
  readonly stop: () => void
}

/**
 * Arms the document deadlines on `body`: when either expires the body is destroyed with a
 * TIMEOUT naming the host and `what`, which the reader then sees.
 */
export function watchDocument(
  body: Readable,
  deadlines: BodyDeadlines,
  describe: { readonly host: string; readonly what: string },
): BodyWatch {
  const fail = (why: string): void => {
    stop()
    body.destroy(
      new StrataError('TIMEOUT', `${describe.host} sent ${describe.what} too slowly (${why})`, {
        host: describe.host,
        subject: describe.what,
        cause: 'SLOW_BODY',
      }),
    )
  }
  const total = setTimeout(
    () => fail(`not complete after ${seconds(deadlines.documentTotalMs)}`),
    deadlines.documentTotalMs,
  )
  let idle = setTimeout(() => fail(idleWhy()), deadlines.documentIdleMs)
  const idleWhy = (): string => `nothing for ${seconds(deadlines.documentIdleMs)}`
  total.unref()
  idle.unref()
  function stop(): void {
    clearTimeout(total)
    clearTimeout(idle)
  }
  return {
    progress: () => {
      clearTimeout(idle)
      idle = setTimeout(() => fail(idleWhy()), deadlines.documentIdleMs)
      idle.unref()
    },
    stop,
  }
}

/**
 * Arms the blob rate check on `source` (the network body) feeding `reader`: in every window
 * where `source` was never paused by back-pressure, fewer than blobMinBytes destroys `reader`
 * with a TIMEOUT naming the host and `what`. Stops by itself when `reader` closes.
 */
export function watchBlobRate(
  source: Readable,
  reader: Readable,
  deadlines: BodyDeadlines,
  describe: { readonly host: string; readonly what: string },
): void {
  let bytes = 0
  let heldBack = false
  const onData = (chunk: Buffer): void => {
    bytes += chunk.length
  }
  const onPause = (): void => {
    heldBack = true
  }
  source.on('data', onData)
  source.on('pause', onPause)
  const timer = setInterval(() => {
    const slow = !heldBack && !source.isPaused() && bytes < deadlines.blobMinBytes
    bytes = 0
    heldBack = source.isPaused()
    if (!slow) return
    stop()
    const rate = `fewer than ${formatBytes(deadlines.blobMinBytes)} in ${seconds(deadlines.blobWindowMs)}`
    reader.destroy(
      new StrataError('TIMEOUT', `${describe.host} sent ${describe.what} too slowly (${rate})`, {
        host: describe.host,
        subject: describe.what,
        cause: 'SLOW_BODY',
      }),
    )
  }, deadlines.blobWindowMs)
  timer.unref()
  function stop(): void {
    clearInterval(timer)
    source.off('data', onData)
    source.off('pause', onPause)
  }
  reader.once('close', stop)
  source.once('close', stop)
}

function seconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`
}

function formatBytes(bytes: number): string {
  return bytes % 1024 === 0 ? `${bytes / 1024} KiB` : `${bytes} bytes`
}
