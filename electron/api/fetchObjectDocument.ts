// Opens one object by digest inside a source's repository: a digest the user clicked in a
// JSON document that is not already a node of the graph.

import type { ObjectDocument } from '../../shared/api'
import { parseDigest } from '../../shared/digest'
import { StrataError } from '../../shared/errors'
import { describeMediaType } from '../../shared/oci/mediaTypes'
import { prettyDocument } from '../graph/graphNodes'
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
      const mayBeBlob =
        kind === undefined &&
        error instanceof StrataError &&
        (error.code === 'NOT_FOUND' || error.code === 'MALFORMED')
      if (!mayBeBlob) throw error
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
  }
}
