// What the files handlers and downloads need from the composition root. api/ passes its
// Services, which has these and more; the feature names only what it uses.

import type { ImageSource } from '../sources/imageSource'
import type { ImageFiles } from './imageFilesService'

export interface FilesHandlerDeps {
  /** Layers and files of images: indexing, listings, reads, efficiency, the layer caches. */
  readonly files: ImageFiles
  /** Opens any source reference the Open box accepts ("docker://…", "oci:…", "alpine"). */
  openSource(ref: string, signal: AbortSignal): Promise<ImageSource>
}
