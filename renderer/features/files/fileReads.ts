// Query options for reading a file in pages (files:read), shared by the text, hex and image
// views, so a page read once is not read again when switching views or coming back.
//
// The files operations pass no abort signal: the main side shares one image load (and one
// index build per layer) between every request that needs it, so a request dropped because a
// component went away would cancel the work for everyone. Cancelling is the user's Cancel
// button (operation:cancel), not a side effect of navigation.
import { queryOptions } from '@tanstack/react-query'
import type { FileChunk } from '../../../shared/api'
import { call } from '../../api/client'
import { queryKeys } from '../../api/queryKeys'
import { base64ToBytes } from './fileContent'
import type { FileTarget } from './fileTarget'

export type { FileTarget } from './fileTarget'

/** Text and hex views page through a file this much at a time. */
export const VIEW_PAGE_BYTES = 128 * 1024
/** Images are read whole, in chunks this size (the api's maximum read). */
export const IMAGE_CHUNK_BYTES = 1024 * 1024
/** Larger images are not shown inline (download them instead). */
export const MAX_INLINE_IMAGE_BYTES = 16 * 1024 * 1024

export interface ReadPage extends FileChunk {
  readonly bytes: Uint8Array
  readonly offset: number
}

export function readPageQuery(target: FileTarget, offset: number, length: number) {
  const { ref, platform, layer, path } = target
  return queryOptions({
    queryKey: [...queryKeys.fileRead(ref, layer ?? '', path, offset, length), platform ?? ''],
    queryFn: async (): Promise<ReadPage> => {
      const chunk = await call('files:read', {
        ref,
        path: `/${path}`,
        offset,
        length,
        ...(platform !== undefined ? { platform } : {}),
        ...(layer !== undefined ? { layer } : {}),
      })
      return { ...chunk, bytes: base64ToBytes(chunk.base64), offset }
    },
    staleTime: Infinity,
  })
}
