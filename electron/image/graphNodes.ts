// Turns descriptors and verified documents into graph nodes with plain-language labels.

import type { EquivalentCommand, GraphNode, GraphNodeRole } from '../../shared/api'
import type { ApiError } from '../../shared/errors'
import type { MediaTypeInfo } from '../../shared/oci/mediaTypes'
import { describeMediaType, mediaTypeInfo } from '../../shared/oci/mediaTypes'
import type { Annotations, Descriptor } from '../../shared/oci/types'
import { tocFormatOf } from '../compression/layerToc'

export interface NodeExtras {
  readonly document?: string
  readonly documentError?: ApiError
  readonly history?: readonly string[]
  readonly commands: readonly EquivalentCommand[]
  /** The media type the document itself declares, when the descriptor had none we know. */
  readonly documentMediaType?: string
  /** The document's own annotations and artifactType (manifests and indexes). */
  readonly documentAnnotations?: Annotations
  readonly documentArtifactType?: string
  /** What the content showed the object to be when its media type did not say. */
  readonly recognizedAs?: Pick<MediaTypeInfo, 'kind' | 'label' | 'explanation' | 'words'>
}

/** A manifest an index lists as an attestation: named for what it is, not its media type. */
const ATTESTATION_WORDS: Pick<MediaTypeInfo, 'label' | 'explanation' | 'words'> = {
  label: 'attestation manifest',
  explanation: 'Build provenance or an SBOM attached to the index; not an image you can run.',
  words: { label: 'attestationManifest', explanation: 'attestationManifest' },
}

export function makeNode(
  descriptor: Descriptor,
  role: GraphNodeRole,
  extras: NodeExtras,
): GraphNode {
  const mediaType = extras.documentMediaType ?? descriptor.mediaType
  const info = extras.recognizedAs ?? describeMediaType(mediaType)
  const { label, explanation, words } = role === 'attestation' ? ATTESTATION_WORDS : info
  return {
    id: descriptor.digest,
    digest: descriptor.digest,
    mediaType,
    size: descriptor.size,
    kind: info.kind,
    role,
    label,
    explanation,
    words,
    ...(descriptor.platform ? { platform: descriptor.platform } : {}),
    ...(descriptor.annotations ? { annotations: descriptor.annotations } : {}),
    ...(descriptor.artifactType ? { artifactType: descriptor.artifactType } : {}),
    ...(extras.documentAnnotations ? { documentAnnotations: extras.documentAnnotations } : {}),
    ...(extras.documentArtifactType ? { documentArtifactType: extras.documentArtifactType } : {}),
    ...(extras.document !== undefined ? { document: extras.document } : {}),
    ...(extras.documentError ? { documentError: extras.documentError } : {}),
    ...(extras.history && extras.history.length > 0 ? { history: extras.history } : {}),
    ...layerFormatOf(descriptor, info.kind),
    // Content that showed what it is (a config typed octet-stream) is interpreted after all.
    ...(mediaTypeInfo(mediaType) || extras.recognizedAs ? {} : { unknownMediaType: true }),
    commands: extras.commands,
  }
}

/** eStargz or zstd:chunked, as the layer's descriptor announces (its TOC annotations). */
function layerFormatOf(descriptor: Descriptor, kind: string): Pick<GraphNode, 'layerFormat'> {
  const format = kind === 'layer' ? tocFormatOf(descriptor.annotations) : undefined
  return format ? { layerFormat: format } : {}
}

/** Pretty-printed JSON for the details panel; the raw bytes stay what was verified. */
export function prettyDocument(bytes: Uint8Array): string {
  const text = new TextDecoder().decode(bytes)
  try {
    return JSON.stringify(JSON.parse(text), null, 2)
  } catch {
    return text
  }
}
