// A storage layer goes by three different names; telling them apart is most of understanding
// containers-storage. Each has a colour class and a tag so the three never look alike.

export type LayerIdentity = 'storage' | 'diff' | 'compressed'

export interface LayerIdentityText {
  readonly identity: LayerIdentity
  /** The short tag printed before each value. */
  readonly tag: string
  readonly title: string
  readonly explanation: string
}

export const LAYER_IDENTITIES: readonly LayerIdentityText[] = [
  {
    identity: 'storage',
    tag: 'ID',
    title: 'Storage layer ID',
    explanation:
      'Storage’s own name: the chain ID of this layer and every layer below it. It names the directories on disk; it is the digest of no file.',
  },
  {
    identity: 'diff',
    tag: 'diff',
    title: 'Diff digest',
    explanation:
      'sha256 of the uncompressed layer tar: the entry in the image config’s rootfs.diff_ids. The same however the layer was compressed.',
  },
  {
    identity: 'compressed',
    tag: 'blob',
    title: 'Compressed digest',
    explanation:
      'sha256 of the compressed blob the layer was pulled as: the digest a registry manifest names. Another compression gives another digest.',
  },
]

export function identityText(identity: LayerIdentity): LayerIdentityText {
  const found = LAYER_IDENTITIES.find((entry) => entry.identity === identity)
  if (!found) throw new Error(`unknown layer identity ${identity}`)
  return found
}
