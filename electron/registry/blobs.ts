// Blobs: small ones (configs) read whole under a cap and verified; large ones (layers) as a
// stream that verifies while it flows; byte ranges for readers that seek inside a layer.
// Registries often answer blob GETs with a redirect to storage: the transport follows it
// without our Authorization header.

import type { Readable } from 'node:stream'
import { parseDigest } from '../../shared/digest'
import { StrataError } from '../../shared/errors'
import type { Descriptor } from '../../shared/oci/types'
import type { RequestTarget } from './httpErrors'
import { discard, dump, headerValue } from './httpTransport'
import type { IncomingResponse } from './httpTransport'
import { contentLength, readCapped, tooLarge } from './readBody'
import type { RegistryConnection } from './registryConnection'
import { apiUrl, requestOk } from './registryConnection'
import { blobPath, pullScope } from './registryPaths'
import type { StreamContext } from '../sources/verify'
import { lengthCheckingStream, verifyBytes, verifyingStream } from '../sources/verify'
import type { ByteRange, RangedBlob } from '../sources/rangedBlob'

/** Configs and artifact payloads above this are not read whole. */
export const MAX_SMALL_BLOB_BYTES = 16 * 1024 * 1024

export interface BlobOptions {
  readonly signal?: AbortSignal
}

export async function fetchSmallBlob(
  connection: RegistryConnection,
  repository: string,
  descriptor: Descriptor,
  options: BlobOptions & { readonly maxBytes?: number } = {},
): Promise<Uint8Array> {
  const maxBytes = options.maxBytes ?? MAX_SMALL_BLOB_BYTES
  const what = `blob ${descriptor.digest}`
  const context = {
    host: connection.host,
    what,
    ...(options.signal ? { signal: options.signal } : {}),
  }
  if (descriptor.size > maxBytes) throw tooLarge(context, maxBytes, descriptor.size)
  parseDigest(descriptor.digest)
  const response = await getBlob(connection, repository, descriptor, {}, options.signal, [200])
  checkDeclaredLength(response, descriptor, connection.host)
  // One byte over the descriptor's size is enough to know the size is wrong.
  const bytes = await readCapped(response, Math.min(maxBytes, descriptor.size + 1), context).catch(
    (error: unknown) => {
      if (
        error instanceof StrataError &&
        error.code === 'TOO_LARGE' &&
        descriptor.size < maxBytes
      ) {
        throw sizeMismatch(descriptor, connection.host, `more than ${descriptor.size}`)
      }
      throw error
    },
  )
  if (bytes.length !== descriptor.size)
    throw sizeMismatch(descriptor, connection.host, String(bytes.length))
  verifyBytes(bytes, descriptor, { host: connection.host, repository })
  return bytes
}

/** The whole blob as a stream that errors with SIZE_MISMATCH / DIGEST_MISMATCH at the end. */
export async function openBlobStream(
  connection: RegistryConnection,
  repository: string,
  descriptor: Descriptor,
  options: BlobOptions = {},
): Promise<Readable> {
  parseDigest(descriptor.digest)
  const response = await getBlob(connection, repository, descriptor, {}, options.signal, [200])
  checkDeclaredLength(response, descriptor, connection.host)
  return verifyingStream(response.body, descriptor, streamContext(connection, options, response))
}

/**
 * A byte range of a blob. Expect `partial`; a server that ignores Range answers with the
 * whole blob (`whole`), and the caller decides whether to read it or fall back.
 */
export async function openBlobRange(
  connection: RegistryConnection,
  repository: string,
  descriptor: Descriptor,
  range: ByteRange,
  options: BlobOptions = {},
): Promise<RangedBlob> {
  parseDigest(descriptor.digest)
  const { start, end } = range
  if (
    !Number.isInteger(start) ||
    !Number.isInteger(end) ||
    start < 0 ||
    end < start ||
    end >= descriptor.size
  ) {
    throw new StrataError(
      'BAD_INPUT',
      `byte range ${start}-${end} is outside blob ${descriptor.digest} (${descriptor.size} bytes)`,
      { subject: descriptor.digest },
    )
  }
  const headers = { range: `bytes=${start}-${end}` }
  const response = await getBlob(
    connection,
    repository,
    descriptor,
    headers,
    options.signal,
    [200, 206],
  )
  const context = streamContext(connection, options, response)
  if (response.status === 200) {
    checkDeclaredLength(response, descriptor, connection.host)
    return { kind: 'whole', stream: verifyingStream(response.body, descriptor, context) }
  }
  const contentRange = headerValue(response.headers, 'content-range')
  const match = /^bytes (\d+)-(\d+)\/(\d+|\*)$/.exec(contentRange?.trim() ?? '')
  if (!match || Number(match[1]) !== start || Number(match[2]) !== end) {
    await dump(response.body)
    throw new StrataError(
      'MALFORMED',
      `${connection.host} answered the range ${start}-${end} of ${descriptor.digest} with "${contentRange ?? 'no Content-Range'}"`,
      { host: connection.host, subject: descriptor.digest },
    )
  }
  const subject = `bytes ${start}-${end} of ${descriptor.digest}`
  return {
    kind: 'partial',
    range: { start, end },
    stream: lengthCheckingStream(response.body, end - start + 1, subject, context),
  }
}

async function getBlob(
  connection: RegistryConnection,
  repository: string,
  descriptor: Descriptor,
  headers: Readonly<Record<string, string>>,
  signal: AbortSignal | undefined,
  ok: readonly number[],
): Promise<IncomingResponse> {
  const target: RequestTarget = { kind: 'blob', repository, digest: descriptor.digest }
  const url = apiUrl(connection, blobPath(repository, descriptor.digest))
  return requestOk(
    connection,
    { url, method: 'GET', headers, signal, target },
    pullScope(repository),
    ok,
  )
}

/** A Content-Length that disagrees with the descriptor is refused before reading. */
function checkDeclaredLength(
  response: IncomingResponse,
  descriptor: Descriptor,
  host: string,
): void {
  const declared = contentLength(response)
  if (declared !== undefined && declared !== descriptor.size) {
    discard(response.body)
    throw sizeMismatch(descriptor, host, String(declared))
  }
}

function sizeMismatch(descriptor: Descriptor, host: string, actual: string): StrataError {
  return new StrataError(
    'SIZE_MISMATCH',
    `blob ${descriptor.digest} from ${host} is ${actual} bytes, but its descriptor says ${descriptor.size}; refused`,
    { host, expectedDigest: descriptor.digest, subject: descriptor.digest },
  )
}

function streamContext(
  connection: RegistryConnection,
  options: BlobOptions,
  response: IncomingResponse,
): StreamContext {
  return {
    host: connection.host,
    ...(options.signal ? { signal: options.signal } : {}),
    ...(response.deadlines ? { deadlines: response.deadlines } : {}),
  }
}
