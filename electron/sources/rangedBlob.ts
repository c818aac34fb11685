// What a ranged blob read answers, for every source that can serve byte ranges (registries,
// local layouts) and for the readers above them that ask for ranges (files/).

import type { Readable } from 'node:stream'

/** Inclusive byte offsets, as in HTTP's Range header. */
export interface ByteRange {
  readonly start: number
  readonly end: number
}

export type RangedBlob =
  /** The server sent just the range (206); length-checked, not hashable on its own. */
  | { readonly kind: 'partial'; readonly range: ByteRange; readonly stream: Readable }
  /** The server ignored Range and sent the whole blob (200), verified while streaming. */
  | { readonly kind: 'whole'; readonly stream: Readable }
