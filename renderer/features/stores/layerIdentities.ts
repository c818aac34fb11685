// A storage layer goes by three different names; telling them apart is most of understanding
// containers-storage. Each has a colour class and a tag so the three never look alike. The
// words come from the "stores" catalogue in the language shown (call during render).
import { translate } from '../../i18n/i18n'

export type LayerIdentity = 'storage' | 'diff' | 'compressed'

export interface LayerIdentityText {
  readonly identity: LayerIdentity
  /** The short tag printed before each value. */
  readonly tag: string
  readonly title: string
  readonly explanation: string
}

/** The three names, bottom-most concept first, in the language shown. */
export function layerIdentities(): readonly LayerIdentityText[] {
  return [
    {
      identity: 'storage',
      tag: 'ID',
      title: translate('stores:identity.storageTitle'),
      explanation: translate('stores:identity.storageExplanation'),
    },
    {
      identity: 'diff',
      tag: 'diff',
      title: translate('stores:identity.diffTitle'),
      explanation: translate('stores:identity.diffExplanation'),
    },
    {
      identity: 'compressed',
      tag: 'blob',
      title: translate('stores:identity.compressedTitle'),
      explanation: translate('stores:identity.compressedExplanation'),
    },
  ]
}

export function identityText(identity: LayerIdentity): LayerIdentityText {
  const found = layerIdentities().find((entry) => entry.identity === identity)
  if (!found) throw new Error(`unknown layer identity ${identity}`)
  return found
}
