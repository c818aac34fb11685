// files:inspect on a file of an image: the file located as files:read locates it (symlinks and
// hardlinks followed inside the image), its bytes reached through one stream window.

import type { FileInspection } from '../../../shared/api/files'
import { StrataError } from '../../../shared/errors'
import { locateImageFile } from '../imageFiles'
import type { ImageLayers } from '../imageLayers'
import { streamWindow } from './byteWindow'
import { inspectFile } from './inspectFile'

export async function inspectImageFile(
  layers: ImageLayers,
  path: string,
  upTo: number | undefined,
  signal: AbortSignal,
): Promise<FileInspection> {
  const target = locateImageFile(layers.tree(upTo).view, layers.indexes, path)
  if (target.entry.type !== 'file') {
    throw new StrataError(
      'BAD_INPUT',
      `/${target.resolvedPath} is a ${target.entry.type}, not a regular file: there is nothing to inspect`,
      { subject: path },
    )
  }
  const window = streamWindow(async () => {
    const opened = await layers.openFile(path, { ...(upTo !== undefined ? { upTo } : {}), signal })
    return opened.stream
  })
  try {
    return await inspectFile(window.readAt, target.entry.size)
  } finally {
    window.close()
  }
}
