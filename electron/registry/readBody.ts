// Reading response bodies under a cap. A registry is untrusted: a Content-Length over the cap
// is refused before reading, and a body that grows past it is cut off while streaming, so
// nothing past the cap is ever buffered. Both readers also hold the body to the document
// deadlines (bodyDeadlines.ts), so a registry that drips bytes cannot hold a call forever.

import { StrataError } from '../../shared/errors'
import type { BodyDeadlines } from '../util/bodyDeadlines'
import { DEFAULT_BODY_DEADLINES, watchDocument } from '../util/bodyDeadlines'
import { transportError } from './httpErrors'
import type { IncomingResponse, ResponseBody } from './httpTransport'
import { discard, dump, headerValue } from './httpTransport'

const ERROR_BODY_CAP = 64 * 1024

export interface CapContext {
  readonly host: string
  /** What the body is, for the message: "manifest demo/app:v1". */
  readonly what: string
  readonly signal?: AbortSignal
}

/** The declared Content-Length, or undefined when absent or unreadable. */
export function contentLength(response: IncomingResponse): number | undefined {
  const text = headerValue(response.headers, 'content-length')
  if (text === undefined || !/^\d+$/.test(text.trim())) return undefined
  return Number(text.trim())
}

export function tooLarge(context: CapContext, maxBytes: number, declared?: number): StrataError {
  const size = declared !== undefined ? ` (${declared} bytes)` : ''
  return new StrataError(
    'TOO_LARGE',
    `${context.what} from ${context.host} is larger than the ${formatCap(maxBytes)} Strata accepts${size}`,
    { host: context.host, subject: context.what },
  )
}

/** The whole body, refusing more than maxBytes. */
export async function readCapped(
  response: IncomingResponse,
  maxBytes: number,
  context: CapContext,
): Promise<Uint8Array> {
  const declared = contentLength(response)
  if (declared !== undefined && declared > maxBytes) {
    discard(response.body)
    throw tooLarge(context, maxBytes, declared)
  }
  const chunks: Buffer[] = []
  let total = 0
  const watch = watchDocument(response.body, response.deadlines ?? DEFAULT_BODY_DEADLINES, context)
  try {
    for await (const chunk of response.body as AsyncIterable<Buffer>) {
      watch.progress(chunk.length)
      total += chunk.length
      if (total > maxBytes) {
        discard(response.body)
        throw tooLarge(context, maxBytes)
      }
      chunks.push(chunk)
    }
  } catch (error) {
    throw transportError(error, context.host, context.signal)
  } finally {
    watch.stop()
  }
  return new Uint8Array(Buffer.concat(chunks, total))
}

/**
 * Up to 64 KiB of an error response's body as text, for its error envelope; never throws. A
 * body that comes too slowly is cut off at its document deadline (what arrived is kept).
 */
export async function readErrorBody(
  body: ResponseBody,
  deadlines: BodyDeadlines = DEFAULT_BODY_DEADLINES,
): Promise<string> {
  const chunks: Buffer[] = []
  let total = 0
  const watch = watchDocument(body, deadlines, { host: 'registry', what: 'an error body' })
  try {
    for await (const chunk of body as AsyncIterable<Buffer>) {
      watch.progress(chunk.length)
      if (total + chunk.length > ERROR_BODY_CAP) break
      chunks.push(chunk)
      total += chunk.length
    }
  } catch {
    return Buffer.concat(chunks).toString('utf8')
  } finally {
    watch.stop()
    if (!body.destroyed && !body.readableEnded) await dump(body)
  }
  return Buffer.concat(chunks).toString('utf8')
}

/** Parses JSON from capped bytes, or throws MALFORMED naming what it was. */
export function parseJson(bytes: Uint8Array, context: CapContext): unknown {
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) as unknown
  } catch {
    throw new StrataError('MALFORMED', `${context.what} from ${context.host} is not valid JSON`, {
      host: context.host,
      subject: context.what,
    })
  }
}

function formatCap(bytes: number): string {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MiB`
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KiB`
  return `${bytes} bytes`
}
