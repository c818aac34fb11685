// Turns manifest bytes from a registry or a store into a typed, validated ParsedManifest.
// The bytes are untrusted: size-capped before decoding, decoded strictly, and refused when
// the document could be read two ways (an index that also has layers, a body whose mediaType
// contradicts the Content-Type it came with).

import { StrataError } from '../errors'
import { formatBytes } from '../format'
import { MEDIA_TYPES, mediaTypeInfo } from './mediaTypes'
import type { ParsedManifest } from './types'
import { validateIndex, validateManifest, validateSchema1 } from './validate'

/**
 * Cap on manifest size. The distribution-spec asks registries to accept manifests of at
 * least 4 MiB, so anything bigger is not something a registry is expected to serve.
 */
export const MAX_MANIFEST_BYTES = 4 * 1024 * 1024

/** Content-Types that say nothing about which manifest this is; they are not compared. */
const GENERIC_TYPES = new Set(['application/json', 'application/octet-stream', 'text/plain'])

type ManifestKind = ParsedManifest['kind']

export function parseManifestBytes(
  bytes: Uint8Array,
  declaredMediaType?: string,
  maxBytes = MAX_MANIFEST_BYTES,
): ParsedManifest {
  if (bytes.byteLength > maxBytes) {
    throw new StrataError(
      'TOO_LARGE',
      `manifest is ${formatBytes(bytes.byteLength)} (${bytes.byteLength} bytes); Strata reads manifests up to ${formatBytes(maxBytes)}`,
    )
  }
  const doc = decodeJsonObject(bytes)

  const hasManifests = 'manifests' in doc
  if (hasManifests && ('layers' in doc || 'config' in doc)) {
    throw new StrataError(
      'MALFORMED',
      'manifest is ambiguous: has both manifests and layers/config, so it could be read as an index or as an image manifest',
    )
  }

  const fieldType = typeof doc.mediaType === 'string' ? bareType(doc.mediaType) : undefined
  const declared = declaredMediaType !== undefined ? bareType(declaredMediaType) : undefined
  const headerType = declared !== undefined && !GENERIC_TYPES.has(declared) ? declared : undefined
  if (fieldType !== undefined && headerType !== undefined && fieldType !== headerType) {
    throw new StrataError(
      'MALFORMED',
      `manifest says its mediaType is "${fieldType}" but it was served as "${headerType}"`,
    )
  }

  const kind = kindOf(fieldType) ?? kindOf(headerType) ?? kindFromShape(doc)
  if (kind === undefined) {
    throw new StrataError(
      'MALFORMED',
      'document is not a manifest: it has no schemaVersion 1 fields, no "manifests" and no "config" or "layers"',
    )
  }
  const mediaType = fieldType ?? headerType ?? defaultMediaType(kind, doc)
  switch (kind) {
    case 'index':
      return { kind, mediaType, document: validateIndex(doc) }
    case 'manifest':
      return { kind, mediaType, document: validateManifest(doc) }
    case 'schema1':
      return { kind, mediaType, document: validateSchema1(doc) }
  }
}

function decodeJsonObject(bytes: Uint8Array): Record<string, unknown> {
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    throw new StrataError('MALFORMED', 'manifest is not valid UTF-8 text')
  }
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    // The parser's message quotes the text it choked on (V8: `Unexpected token 'r',
    // "root:x:0:0"...`), and the bytes may be anything: keep only where it stopped.
    const reason = error instanceof Error ? error.message : String(error)
    const position = /at position (\d+)/.exec(reason)?.[1]
    const where =
      position !== undefined
        ? `the parser stopped at character ${position}`
        : /end of JSON input/.test(reason)
          ? 'it ends too early'
          : 'it holds text that is not JSON'
    throw new StrataError('MALFORMED', `manifest is not valid JSON: ${where}`)
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    const what = value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value
    throw new StrataError('MALFORMED', `manifest must be a JSON object, but it is ${what}`)
  }
  return value as Record<string, unknown>
}

function bareType(mediaType: string): string {
  return (mediaType.split(';')[0] ?? '').trim().toLowerCase()
}

function kindOf(mediaType: string | undefined): ManifestKind | undefined {
  if (mediaType === undefined) return undefined
  const kind = mediaTypeInfo(mediaType)?.kind
  return kind === 'index' || kind === 'manifest' || kind === 'schema1' ? kind : undefined
}

function kindFromShape(doc: Record<string, unknown>): ManifestKind | undefined {
  if (doc.schemaVersion === 1) return 'schema1'
  if ('manifests' in doc) return 'index'
  if ('config' in doc || 'layers' in doc) return 'manifest'
  return undefined
}

/** Without a mediaType field or header: the OCI type, or schema 1's signed / unsigned type. */
function defaultMediaType(kind: ManifestKind, doc: Record<string, unknown>): string {
  switch (kind) {
    case 'index':
      return MEDIA_TYPES.ociIndex
    case 'manifest':
      return MEDIA_TYPES.ociManifest
    case 'schema1':
      return 'signatures' in doc ? MEDIA_TYPES.dockerSchema1Signed : MEDIA_TYPES.dockerSchema1
  }
}
