// What an export copies: the root the reference names (or the one platform image asked for),
// every manifest and nested index under it, and every blob those documents name, each digest
// once. OCI documents keep the bytes the source stored, so their digests stay the same; Docker
// v2 documents are rewritten as OCI ones (dockerToOci.ts), and an index above a rewritten
// child is rewritten to name it.

import { StrataError } from '../../shared/errors'
import { describeMediaType } from '../../shared/oci/mediaTypes'
import type { Descriptor } from '../../shared/oci/types'
import type { ImageSource } from '../sources/imageSource'
import { pickImage } from '../sources/openImage'
import { isDockerDocument, ociIndexOf, ociManifestOf } from './dockerToOci'

/** Index depth an export follows, as openImage does. */
const MAX_DEPTH = 4

export interface PlannedDocument {
  /** As the layout names it (rewritten documents get their new digest). */
  readonly descriptor: Descriptor
  readonly bytes: Uint8Array
}

export interface ExportPlan {
  /** What index.json will name. */
  readonly root: Descriptor
  /** The digest the source names the root by (differs from root's when rewritten). */
  readonly sourceDigest: string
  /** Manifests and indexes, bytes verified by the source or made here. */
  readonly documents: readonly PlannedDocument[]
  /** Configs and layers, streamed and verified while written. */
  readonly blobs: readonly Descriptor[]
}

/** Layers that registries may not redistribute: skopeo leaves them out too, and so do we. */
function isForeign(descriptor: Descriptor): boolean {
  const foreign = describeMediaType(descriptor.mediaType).compression === 'foreign'
  return foreign && (descriptor.urls?.length ?? 0) > 0
}

export async function planExport(
  source: ImageSource,
  platform: string | undefined,
  signal: AbortSignal,
): Promise<ExportPlan> {
  const picked =
    platform === undefined
      ? await source.resolve({ signal })
      : (await pickImage(source, { platform, signal })).descriptor
  const documents = new Map<string, PlannedDocument>()
  const written = new Map<string, Descriptor>()
  const blobs = new Map<string, Descriptor>()

  /** Fetches one document and what it names; returns how the layout names it. */
  const visit = async (named: Descriptor, depth: number): Promise<Descriptor> => {
    const known = written.get(named.digest)
    if (known !== undefined) return { ...known, ...platformOf(named) }
    const fetched = await source.fetchManifest(named, { signal })
    const { parsed } = fetched
    const asFetched: Descriptor = { ...named, size: fetched.bytes.byteLength }
    let document: PlannedDocument = { descriptor: asFetched, bytes: fetched.bytes }
    if (parsed.kind === 'schema1') {
      throw new StrataError(
        'UNSUPPORTED_MEDIA_TYPE',
        `${source.ref} is a Docker schema 1 manifest, which an OCI layout cannot hold`,
        { subject: named.digest },
      )
    }
    if (parsed.kind === 'index') {
      if (depth + 1 >= MAX_DEPTH) {
        throw new StrataError('MALFORMED', `${source.ref} nests indexes deeper than ${MAX_DEPTH}`, {
          subject: named.digest,
        })
      }
      const children: Descriptor[] = []
      for (const child of parsed.document.manifests) children.push(await visit(child, depth + 1))
      const changed = children.some((c, i) => c.digest !== parsed.document.manifests[i]?.digest)
      if (changed || isDockerDocument(parsed.mediaType)) {
        document = ociIndexOf(parsed.document, asFetched, children)
      }
    } else {
      for (const blob of [parsed.document.config, ...parsed.document.layers]) {
        if (!isForeign(blob) && !blobs.has(blob.digest)) blobs.set(blob.digest, blob)
      }
      if (isDockerDocument(parsed.mediaType)) document = ociManifestOf(parsed.document, asFetched)
    }
    documents.set(document.descriptor.digest, document)
    written.set(named.digest, document.descriptor)
    return document.descriptor
  }

  const root = await visit(picked, 0)
  // A document is never a blob too: an artifact whose layer is a manifest is written once.
  for (const digest of documents.keys()) blobs.delete(digest)
  return {
    root,
    sourceDigest: picked.digest,
    documents: [...documents.values()],
    blobs: [...blobs.values()],
  }
}

function platformOf(named: Descriptor): Partial<Descriptor> {
  return named.platform !== undefined ? { platform: named.platform } : {}
}
