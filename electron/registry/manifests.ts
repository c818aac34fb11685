// Manifests and indexes: HEAD for the descriptor (digest, media type, size), GET for bytes.
// Bytes are capped while streaming and verified: against the digest we asked for, or, by tag,
// against the Docker-Content-Digest the registry claims. A signed schema 1 manifest is verified
// by its payload without the signatures, the part its digest names.

import type { DigestAlgorithm } from '../../shared/digest'
import { computeDigest, isDigest, parseDigest } from '../../shared/digest'
import { StrataError } from '../../shared/errors'
import {
  MEDIA_TYPES,
  isManifestMediaType,
  manifestMediaTypes,
  mediaTypeInfo,
} from '../../shared/oci/mediaTypes'
import { MAX_MANIFEST_BYTES } from '../../shared/oci/parseManifest'
import { schema1SignedPayload } from '../../shared/oci/schema1'
import type { Descriptor } from '../../shared/oci/types'
import type { RequestTarget } from './httpErrors'
import { dump, headerValue } from './httpTransport'
import { contentLength, readCapped } from './readBody'
import type { RegistryConnection } from './registryConnection'
import { apiUrl, requestOk } from './registryConnection'
import { isDigestReference, manifestPath, pullScope } from './registryPaths'

export interface ManifestHead {
  /** From Docker-Content-Digest, or the digest asked for. */
  readonly digest?: string
  readonly mediaType?: string
  readonly size?: number
}

export interface FetchedManifest {
  readonly descriptor: Descriptor
  readonly bytes: Uint8Array
}

export interface ManifestOptions {
  readonly signal?: AbortSignal
  /** The size a descriptor promised; the bytes must match it. */
  readonly expectedSize?: number
  readonly maxBytes?: number
}

/** OCI types first, so registries that can serve either send OCI. */
export function manifestAcceptHeader(): string {
  return MANIFEST_ACCEPT
}

function buildAcceptHeader(): string {
  const all = manifestMediaTypes()
  const oci = all.filter((t) => t.startsWith('application/vnd.oci.'))
  return [...oci, ...all.filter((t) => !oci.includes(t))].join(', ')
}

// Built once: every HEAD of a tag-history storm sends the same header.
const MANIFEST_ACCEPT = buildAcceptHeader()
const ACCEPT_HEADERS: Readonly<Record<string, string>> = Object.freeze({ accept: MANIFEST_ACCEPT })

export async function headManifest(
  connection: RegistryConnection,
  repository: string,
  reference: string,
  options: ManifestOptions = {},
): Promise<ManifestHead> {
  const target: RequestTarget = { kind: 'manifest', repository, reference }
  const url = apiUrl(connection, manifestPath(repository, reference))
  const response = await requestOk(
    connection,
    {
      url,
      method: 'HEAD',
      headers: ACCEPT_HEADERS,
      signal: options.signal,
      target,
    },
    pullScope(repository),
  )
  await dump(response.body)
  const claimed = headerValue(response.headers, 'docker-content-digest')?.trim()
  const digest = isDigestReference(reference)
    ? reference
    : claimed !== undefined && isDigest(claimed)
      ? claimed
      : undefined
  const mediaType = bareMediaType(headerValue(response.headers, 'content-type'))
  const size = contentLength(response)
  return {
    ...(digest !== undefined ? { digest } : {}),
    ...(mediaType !== undefined && isManifestMediaType(mediaType) ? { mediaType } : {}),
    ...(size !== undefined ? { size } : {}),
  }
}

export async function getManifest(
  connection: RegistryConnection,
  repository: string,
  reference: string,
  options: ManifestOptions = {},
): Promise<FetchedManifest> {
  const target: RequestTarget = { kind: 'manifest', repository, reference }
  const url = apiUrl(connection, manifestPath(repository, reference))
  const response = await requestOk(
    connection,
    {
      url,
      method: 'GET',
      headers: ACCEPT_HEADERS,
      signal: options.signal,
      target,
    },
    pullScope(repository),
  )
  const what = `manifest ${repository}${isDigestReference(reference) ? '@' : ':'}${reference}`
  const context = {
    host: connection.host,
    what,
    ...(options.signal ? { signal: options.signal } : {}),
  }
  const bytes = await readCapped(response, options.maxBytes ?? MAX_MANIFEST_BYTES, context)

  const claimed = headerValue(response.headers, 'docker-content-digest')?.trim()
  const expected = isDigestReference(reference)
    ? reference
    : claimed !== undefined && isDigest(claimed)
      ? claimed
      : undefined
  const algorithm = expected !== undefined ? parseDigest(expected).algorithm : 'sha256'
  const contentType = headerValue(response.headers, 'content-type')
  const { digest: actual, signedSchema1 } = await manifestDigest(
    bytes,
    algorithm,
    bareMediaType(contentType),
    expected,
  )
  if (expected !== undefined && actual !== expected) {
    const hashed = signedSchema1 ? ' (without its signatures)' : ''
    throw new StrataError(
      'DIGEST_MISMATCH',
      `${what} from ${connection.host} hashes${hashed} to ${actual}, not ${expected}; refused`,
      { host: connection.host, expectedDigest: expected, actualDigest: actual, subject: what },
    )
  }
  // A signed schema 1 body is re-signed per request, so its length may change; its payload
  // is what the digest pins, and that was just checked.
  if (
    !signedSchema1 &&
    options.expectedSize !== undefined &&
    bytes.length !== options.expectedSize
  ) {
    throw new StrataError(
      'SIZE_MISMATCH',
      `${what} from ${connection.host} is ${bytes.length} bytes, but its descriptor says ${options.expectedSize}`,
      { host: connection.host, expectedDigest: actual, subject: what },
    )
  }
  const mediaType = manifestMediaType(contentType, bytes)
  return { descriptor: { mediaType, digest: actual, size: bytes.length }, bytes }
}

/**
 * The media type of manifest bytes: the Content-Type when it names a manifest type, else the
 * document's own `mediaType`, else a guess from its shape.
 */
export function manifestMediaType(contentType: string | undefined, bytes: Uint8Array): string {
  const declared = bareMediaType(contentType)
  if (declared !== undefined && isManifestMediaType(declared)) return declared
  let doc: Record<string, unknown> = {}
  try {
    const parsed: unknown = JSON.parse(new TextDecoder().decode(bytes))
    if (typeof parsed === 'object' && parsed !== null) doc = parsed as Record<string, unknown>
  } catch {
    return declared ?? 'application/octet-stream'
  }
  if (typeof doc.mediaType === 'string' && doc.mediaType !== '') return doc.mediaType
  if (doc.schemaVersion === 1) {
    return Array.isArray(doc.signatures)
      ? MEDIA_TYPES.dockerSchema1Signed
      : MEDIA_TYPES.dockerSchema1
  }
  if (Array.isArray(doc.manifests)) return MEDIA_TYPES.ociIndex
  if (typeof doc.config === 'object' && Array.isArray(doc.layers)) return MEDIA_TYPES.ociManifest
  return declared ?? 'application/octet-stream'
}

/**
 * The digest of manifest bytes: their hash, except for a signed schema 1 manifest, whose
 * digest is the hash of its payload without the signatures (see shared/oci/schema1.ts).
 * The payload is cut out only when the body is, or may be, schema 1 and its whole hash did not
 * already match, so other manifests are never parsed here.
 */
async function manifestDigest(
  bytes: Uint8Array,
  algorithm: DigestAlgorithm,
  contentType: string | undefined,
  expected: string | undefined,
): Promise<{ readonly digest: string; readonly signedSchema1: boolean }> {
  const whole = await computeDigest(bytes, algorithm)
  if (whole === expected) return { digest: whole, signedSchema1: false }
  const mayBeSchema1 =
    contentType === undefined ||
    mediaTypeInfo(contentType)?.kind === 'schema1' ||
    !isManifestMediaType(contentType)
  const payload = mayBeSchema1 ? schema1SignedPayload(bytes) : undefined
  if (payload === undefined) return { digest: whole, signedSchema1: false }
  return { digest: await computeDigest(payload, algorithm), signedSchema1: true }
}

function bareMediaType(contentType: string | undefined): string | undefined {
  const bare = contentType?.split(';')[0]?.trim().toLowerCase()
  return bare === undefined || bare === '' ? undefined : bare
}
