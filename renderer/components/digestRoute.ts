// Where a digest link goes: a manifest or index opens pinned to its digest in the graph, a
// config opens selected in its image's graph, a layer opens in the Files view of its image
// (as oci.dag.dev goes from a layer to its file tree). Pure, so it is unit-tested.
import { isDigest, shortDigest } from '../../shared/digest'
import { formatSourceRef, parseSourceRef, withDigest } from '../../shared/sourceRef'
import type { Route } from '../routing/route'

/** What the digest names: decides which view opens it. */
export type DigestKind = 'manifest' | 'index' | 'config' | 'layer'

export interface DigestTarget {
  readonly digest: string
  readonly kind: DigestKind
  /** The image (any source reference) the object belongs to. */
  readonly imageRef: string
  /** For a layer of an index's platform image: which platform ("linux/arm64"). */
  readonly platform?: string
}

/** "sha256:0123456789ab": the algorithm and the first 12 hex digits (sha256 and sha512 alike). */
export function shortDigestText(digest: string): string {
  return shortDigest(digest, 12)
}

/** The imageRef pinned to the digest, or undefined when the source cannot name it that way. */
function pinnedRef(imageRef: string, digest: string): string | undefined {
  try {
    const pinned = formatSourceRef(withDigest(parseSourceRef(imageRef), digest))
    return pinned === formatSourceRef(parseSourceRef(imageRef)) ? undefined : pinned
  } catch {
    return undefined
  }
}

/** The route that opens the object, or undefined when `digest` is not a sha256/sha512 digest. */
export function digestRoute(target: DigestTarget): Route | undefined {
  const { digest, kind, imageRef, platform } = target
  if (!isDigest(digest) || imageRef.trim() === '') return undefined
  switch (kind) {
    case 'manifest':
    case 'index': {
      const pinned = pinnedRef(imageRef, digest)
      if (pinned !== undefined) return { view: 'graph', ref: pinned }
      // Already pinned to it, or a source that cannot be: open it with the object selected.
      return imageRef.endsWith(digest)
        ? { view: 'graph', ref: imageRef }
        : { view: 'graph', ref: imageRef, node: digest }
    }
    case 'config':
      return { view: 'graph', ref: imageRef, node: digest }
    case 'layer':
      return {
        view: 'files',
        ref: imageRef,
        layer: digest,
        ...(platform !== undefined ? { platform } : {}),
      }
  }
}
