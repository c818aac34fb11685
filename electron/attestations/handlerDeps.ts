// What the attestations handlers need from the composition root: sources to read manifests
// from, and the bytes of a file inside an image (the files feature's reader, wired by api/ so
// this feature does not import another).

import type { ImageSource } from '../sources/imageSource'
import type { HandlerContext } from '../util/handlerTypes'

export interface ImageFileRequest {
  readonly ref: string
  readonly path: string
  readonly layer?: string
  readonly platform?: string
}

export interface ImageFileBytes {
  readonly bytes: Uint8Array
  /** 0-based layer the file came from. */
  readonly layer: number
  readonly resolvedPath: string
}

export interface AttestationsHandlerDeps {
  openSource(ref: string, signal: AbortSignal): Promise<ImageSource>
  /** The whole file, or TOO_LARGE past `maxBytes` (checked on its size before reading). */
  readImageFile(
    request: ImageFileRequest,
    maxBytes: number,
    context: HandlerContext,
  ): Promise<ImageFileBytes>
}
