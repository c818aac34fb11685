// A signature, referrer or attestation manifest, decoded layer by layer: fetched through the
// source (digest-verified), each layer read under the decode cap and passed to decodePart with
// the image digest it should name — the manifest's `subject`, else the image a buildx index
// says it describes, else what the reference resolves to.

import type {
  AttestationReport,
  AttestationWarning,
  DecodedItem,
} from '../../shared/api/attestations'
import { toApiError } from '../../shared/errors'
import { isIndexMediaType } from '../../shared/oci/mediaTypes'
import type { Descriptor, Digest } from '../../shared/oci/types'
import { StrataError } from '../../shared/errors'
import type { ImageSource } from '../sources/imageSource'
import { UNKNOWN_SIZE } from '../sources/imageSource'
import { decodePart } from './decodePart'
import { MAX_DECODED_LAYERS } from './limits'
import { rawPart } from './rawPart'
import { readBlobCapped } from './readCapped'
import type { VerifyingKey } from './verifySignature'

const DESCRIBED_DIGEST = 'vnd.docker.reference.digest'

export async function decodeManifest(
  source: ImageSource,
  digest: Digest,
  options: { readonly subject?: Digest; readonly key?: VerifyingKey; readonly signal: AbortSignal },
): Promise<AttestationReport> {
  const { signal } = options
  const fetched = await source.fetchManifest(
    { mediaType: '', digest, size: UNKNOWN_SIZE },
    { signal },
  )
  const { parsed } = fetched
  if (parsed.kind !== 'manifest') {
    throw new StrataError(
      'UNSUPPORTED_MEDIA_TYPE',
      `${digest} is ${parsed.kind === 'index' ? 'an index' : 'a schema 1 manifest'}; signatures, attestations and SBOMs are image manifests whose layers carry them.`,
      { subject: digest },
    )
  }
  const manifest = parsed.document
  const subject =
    options.subject ?? manifest.subject?.digest ?? (await describedImage(source, digest, signal))
  const warnings: AttestationWarning[] = []
  const layers = manifest.layers.slice(0, MAX_DECODED_LAYERS)
  if (manifest.layers.length > layers.length) {
    warnings.push({ kind: 'layersCapped', decoded: layers.length, total: manifest.layers.length })
  }
  const items: DecodedItem[] = []
  for (const [position, layer] of layers.entries()) {
    items.push(await decodeLayer(source, layer, position, subject, options.key, signal))
  }
  const artifactType = manifest.artifactType ?? manifest.config.mediaType
  return {
    from: { kind: 'manifest', digest, mediaType: parsed.mediaType, artifactType },
    ...(subject !== undefined ? { subject } : {}),
    items,
    warnings,
  }
}

async function decodeLayer(
  source: ImageSource,
  layer: Descriptor,
  position: number,
  subject: Digest | undefined,
  key: VerifyingKey | undefined,
  signal: AbortSignal,
): Promise<DecodedItem> {
  const label = { kind: 'layer', position } as const
  let bytes: Uint8Array
  try {
    bytes = await readBlobCapped(source, layer, signal)
  } catch (error) {
    if (signal.aborted) throw error
    return {
      label,
      mediaType: layer.mediaType,
      size: layer.size,
      part: rawPart(new Uint8Array(), { kind: 'unreadable', error: toApiError(error) }),
    }
  }
  return {
    label,
    mediaType: layer.mediaType,
    size: bytes.length,
    part: decodePart(bytes, {
      mediaType: layer.mediaType,
      ...(layer.annotations !== undefined ? { annotations: layer.annotations } : {}),
      ...(subject !== undefined ? { imageDigest: subject } : {}),
      ...(key !== undefined ? { key } : {}),
    }),
  }
}

/**
 * The image an attestation describes: in the index the reference resolves to, the entry with
 * this digest names it (vnd.docker.reference.digest). Otherwise the resolved digest itself.
 */
async function describedImage(
  source: ImageSource,
  digest: Digest,
  signal: AbortSignal,
): Promise<Digest | undefined> {
  const root = await source.resolve({ signal })
  if (root.digest === digest) return undefined
  if (!isIndexMediaType(root.mediaType)) return root.digest
  const index = await source.fetchManifest(root, { signal })
  if (index.parsed.kind !== 'index') return root.digest
  const entry = index.parsed.document.manifests.find((m) => m.digest === digest)
  const described = entry?.annotations?.[DESCRIBED_DIGEST]
  return described !== undefined && /^sha(256|512):[a-f0-9]+$/.test(described)
    ? described
    : root.digest
}
