// What the handlers need from the rest of the main side. electron/app/composeServices.ts
// builds the real thing; the handlers never construct services themselves.

import type { AppInfo } from '../../shared/api'
import type { RegistryBook, RegistryListing } from '../registry/handlers'
import type { LocalStores } from '../stores/discovery/localStoreServices'
import type { ImageSource } from '../sources/imageSource'
import type { ImageFiles } from '../files/imageFilesService'
import type { TagHistoryService } from '../history/tagHistoryService'
import type { ReferrersService } from '../image/referrersService'

export type { RegistryBook, RegistryListing } from '../registry/handlers'
export type { LocalStores } from '../stores/discovery/localStoreServices'

/** Native UI only the desktop shell has; absent in web mode. */
export interface DesktopDialogs {
  choosePath(kind: 'file' | 'directory'): Promise<string | undefined>
}

export interface Services {
  readonly appInfo: AppInfo
  readonly registries: RegistryBook
  readonly listing: RegistryListing
  readonly localStores: LocalStores
  readonly dialogs?: DesktopDialogs
  /** Layers and files of images: indexing, listings, reads, efficiency, the layer caches. */
  readonly files: ImageFiles
  /** The tag-history journal, its watches and Quay merges. */
  readonly history: TagHistoryService
  /** What refers to a registry manifest (Referrers API, else the fallback tag). */
  readonly referrers: ReferrersService
  /** Opens any source reference the Open box accepts ("docker://…", "oci:…", "alpine"). */
  openSource(ref: string, signal: AbortSignal): Promise<ImageSource>
  /** Something worth a line in the log that must not fail the call that found it. */
  warn(message: string): void
  /** Stops watches and closes the journal and connections; call once on shutdown. */
  close(): Promise<void>
}
