// Turns whatever the user typed (a reference or a transport string) into an ImageSource. The
// only place that knows which transports exist; everything after it sees one interface.

import type { ImageReference } from '../../shared/reference'
import { parseSourceRef } from '../../shared/sourceRef'
import type { SourceRef } from '../../shared/sourceRef'
import type { ImageSource } from './imageSource'

/** Every source reference but a registry's: what stores/ opens. */
export type LocalSourceRef = Exclude<SourceRef, { transport: 'docker' }>

export interface SourceOpeners {
  readonly registry: (image: ImageReference, signal: AbortSignal) => Promise<ImageSource>
  readonly local: (ref: LocalSourceRef, signal: AbortSignal) => Promise<ImageSource>
}

export async function openSource(
  input: string,
  openers: SourceOpeners,
  signal: AbortSignal,
): Promise<ImageSource> {
  const ref = parseSourceRef(input)
  switch (ref.transport) {
    case 'docker':
      return openers.registry(ref.image, signal)
    default:
      return openers.local(ref, signal)
  }
}
