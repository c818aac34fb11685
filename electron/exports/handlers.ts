// Handler of exports:image: an image from any source copied into a new OCI layout or
// oci-archive (exportImage.ts), tracked so `operation:cancel` stops it.

import { isAbsolute, normalize } from 'node:path'
import { isImageExportFormat } from '../../shared/api/exports'
import { StrataError } from '../../shared/errors'
import { parsePlatformText } from '../../shared/oci/platforms'
import { optionalString, requiredString } from '../util/argReaders'
import type { Handler } from '../util/handlerTypes'
import type { ImageSource } from '../sources/imageSource'
import { exportImage } from './exportImage'

/** What the exports handler needs from the composition root (api/ passes its Services). */
export interface ExportsHandlerDeps {
  openSource(ref: string, signal: AbortSignal): Promise<ImageSource>
}

// A ref.name annotation: printable, no spaces or slashes at the ends, short.
const TAG_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:@+/-]{0,254}$/

export function createExportsHandlers(deps: ExportsHandlerDeps): {
  readonly 'exports:image': Handler<'exports:image'>
} {
  return {
    'exports:image': async (args, context) => {
      const ref = requiredString(args, 'ref')
      const format: unknown = (args as { format?: unknown }).format
      if (!isImageExportFormat(format)) {
        throw new StrataError('BAD_INPUT', '"format" must be "oci-layout" or "oci-archive".', {
          subject: 'format',
        })
      }
      const destination = requiredString(args, 'destination')
      if (
        !isAbsolute(destination) ||
        normalize(destination) !== destination ||
        destination === '/'
      ) {
        throw new StrataError(
          'BAD_INPUT',
          `"destination" must be an absolute path such as /home/me/alpine-layout, without ".." or a trailing slash.`,
          { subject: 'destination' },
        )
      }
      const platform = optionalString(args, 'platform')
      if (platform !== undefined && parsePlatformText(platform) === undefined) {
        throw new StrataError(
          'BAD_INPUT',
          `"platform" must look like linux/amd64 or linux/arm/v7.`,
          {
            subject: 'platform',
          },
        )
      }
      const tag = optionalString(args, 'tag')
      if (tag !== undefined && !TAG_PATTERN.test(tag)) {
        throw new StrataError('BAD_INPUT', '"tag" must be a name such as 3.20 or latest.', {
          subject: 'tag',
        })
      }
      const source = await deps.openSource(ref, context.signal)
      const operation = context.track({ kind: 'export', ref: source.ref }, context.signal)
      return exportImage(
        source,
        {
          format,
          destination,
          ...(platform !== undefined ? { platform } : {}),
          ...(tag !== undefined ? { tag } : {}),
        },
        operation,
      )
    },
  }
}
