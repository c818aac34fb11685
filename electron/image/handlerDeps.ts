// What the image handlers need from the composition root. api/ passes its Services, which has
// these and more; the feature names only what it uses (the tag-history journal, for one, is
// the history feature's, so image/ sees it only as a TagRecorder).

import type { TagObservation } from '../../shared/api/history'
import type { ImageSource } from '../sources/imageSource'
import type { ReferrersService } from './referrersService'

/** Where a resolved tag is recorded (the history feature's service, passed in by api/). */
export interface TagRecorder {
  registryName(registry: string): string
  recordQuietly(
    sighting: Omit<TagObservation, 'seenAt' | 'source'> & { readonly source: 'resolve' },
  ): Promise<unknown>
}

/** What the image handlers need from the composition root (api/ passes its Services). */
export interface ImageHandlerDeps {
  readonly history: TagRecorder
  readonly referrers: ReferrersService
  openSource(ref: string, signal: AbortSignal): Promise<ImageSource>
  /** Something worth a line in the log that must not fail the call that found it. */
  warn(message: string): void
}
