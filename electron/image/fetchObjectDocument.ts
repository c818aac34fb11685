// Opens one object by digest inside a source's repository: a digest the user clicked in a
// JSON document that is not already a node of the graph. Only the digest is known, so the
// size is learned from the source (and the bytes verified by digest). Without a media type
// the object is tried as a manifest first, then as a blob, and labelled by what it turned out
// to be.

import type { ObjectDocument } from '../../shared/api'
import { parseDigest } from '../../shared/digest'
import { StrataError } from '../../shared/errors'
import type { MediaTypeInfo } from '../../shared/oci/mediaTypes'
import { describeMediaType } from '../../shared/oci/mediaTypes'
import { looksLikeImageConfig } from './configDocument'
import { prettyDocument } from './graphNodes'
import type { ImageSource } from '../sources/imageSource'
import { UNKNOWN_SIZE } from '../sources/imageSource'

export async function fetchObjectDocument(
  source: ImageSource,
  request: { readonly digest: string; readonly mediaType?: string; readonly signal: AbortSignal },
): Promise<ObjectDocument> {
  parseDigest(request.digest)
  const kind = request.mediaType ? describeMediaType(request.mediaType).kind : undefined
  const descriptor = {
    digest: request.digest,
    mediaType: request.mediaType ?? '',
    size: UNKNOWN_SIZE,
  }
  if (kind === 'layer') {
    throw new StrataError(
      'UNSUPPORTED_MEDIA_TYPE',
      'Layers are archives, not documents: open the layer in the files view instead.',
      { subject: request.digest },
    )
  }
  if (kind === undefined || kind === 'manifest' || kind === 'index' || kind === 'schema1') {
    try {
      const manifest = await source.fetchManifest(descriptor, { signal: request.signal })
      return {
        ref: source.ref,
        digest: request.digest,
        mediaType: manifest.parsed.mediaType,
        size: manifest.bytes.length,
        text: prettyDocument(manifest.bytes),
        commands: source.commandsFor({ digest: request.digest, kind: 'manifest' }),
      }
    } catch (error) {
      // With no media type we cannot know it is a manifest: a miss falls through to a blob read.
      if (kind !== undefined || !notAManifest(error)) throw error
    }
  }
  const blob = await source.fetchSmallBlob(descriptor, { signal: request.signal })
  return {
    ref: source.ref,
    digest: request.digest,
    mediaType: request.mediaType ?? 'application/octet-stream',
    size: blob.bytes.length,
    text: prettyDocument(blob.bytes),
    commands: source.commandsFor({ digest: request.digest, kind: 'blob' }),
    ...(request.mediaType === undefined ? blobLabel(blob.bytes) : {}),
  }
}

/**
 * Answers from the manifest endpoint that mean "not a manifest here" rather than "cannot ask":
 * missing, not a manifest document, a type refused, or a server that fails on a digest that
 * names a blob (distribution answers a config digest on /manifests/ with HTTP 500).
 */
function notAManifest(error: unknown): boolean {
  if (!(error instanceof StrataError)) return false
  switch (error.code) {
    case 'NOT_FOUND':
    case 'MALFORMED':
    case 'SERVER_ERROR':
    case 'UNSUPPORTED_MEDIA_TYPE':
      return true
    case 'BAD_INPUT':
      return error.detail?.status !== undefined
    default:
      return false
  }
}

/** What a blob read without a media type is, told by its content. */
function blobLabel(bytes: Uint8Array): Pick<MediaTypeInfo, 'label' | 'explanation' | 'words'> {
  let value: unknown
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes))
  } catch {
    return {
      label: 'blob',
      explanation: 'A blob that is not JSON; no media type was given, so it is shown as text.',
      words: { label: 'blob', explanation: 'textBlob' },
    }
  }
  if (looksLikeImageConfig(value)) {
    return {
      label: 'image config',
      explanation:
        'Read as a blob with no media type given; its JSON has os, architecture and rootfs, so it is an image configuration.',
      words: { label: 'imageConfig', explanation: 'configBlob' },
    }
  }
  return {
    label: 'JSON blob',
    explanation:
      'A blob whose bytes are JSON; no media type was given, so Strata does not interpret it.',
    words: { label: 'jsonBlob', explanation: 'jsonBlob' },
  }
}
