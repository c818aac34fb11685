// The attestations feature reads whole files from inside images (an SBOM in /usr/share/sbom)
// through the files feature's own handlers — stat for the size (refused past the cap before a
// byte is read), then files:read a MiB at a time — so features stay apart and api/ joins them.

import { StrataError } from '../../shared/errors'
import type { FilesHandlerDeps } from '../files/handlerDeps'
import { createFileHandlers } from '../files/handlers'
import type { ImageFileBytes, ImageFileRequest } from '../attestations/handlerDeps'
import type { HandlerContext } from '../util/handlerTypes'

const CHUNK = 1024 * 1024

export function imageFileReader(
  services: FilesHandlerDeps,
): (
  request: ImageFileRequest,
  maxBytes: number,
  context: HandlerContext,
) => Promise<ImageFileBytes> {
  const files = createFileHandlers(services)
  return async (request, maxBytes, context) => {
    const stat = await files['files:stat'](request, context)
    const size = stat.entry.size
    if (size > maxBytes) {
      throw new StrataError(
        'TOO_LARGE',
        `/${stat.resolvedPath} is ${size} bytes; Strata decodes files up to ${maxBytes} bytes as signatures, attestations or SBOMs.`,
        { subject: request.path },
      )
    }
    const parts: Buffer[] = []
    let offset = 0
    let layer: number | undefined
    for (;;) {
      const chunk = await files['files:read']({ ...request, offset, length: CHUNK }, context)
      const bytes = Buffer.from(chunk.base64, 'base64')
      parts.push(bytes)
      offset += bytes.length
      layer = chunk.layer
      if (chunk.eof || bytes.length === 0 || offset >= maxBytes) break
    }
    return {
      bytes: new Uint8Array(Buffer.concat(parts)),
      layer: layer ?? stat.layer,
      resolvedPath: stat.resolvedPath,
    }
  }
}
