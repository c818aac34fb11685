// Handler of compare:images: two references from any sources, each narrowed to one platform
// image; configs and layers compared, and with `files: true` the merged filesystems too.

import type { ImageComparison } from '../../shared/api/compare'
import { StrataError } from '../../shared/errors'
import { platformString } from '../../shared/format'
import { parsePlatformText } from '../../shared/oci/platforms'
import type { Platform } from '../../shared/oci/types'
import { compareImages } from './compareImages'
import type { FileDiffSide } from './fileDiff'
import { diffFilesystems } from './fileDiff'
import { semanticLayers, isEquivalent } from './semanticCompare'
import type { ImageSource } from '../sources/imageSource'
import { optionalBoolean, optionalString, requiredString } from '../util/argReaders'
import type { Handler, HandlerContext } from '../util/handlerTypes'
import type { ImageFiles } from '../files/imageFilesService'
import { readLayerToc } from '../files/tocIndex'

/** What the compare handlers need from the composition root (api/ passes its Services). */
export interface CompareHandlerDeps {
  readonly files: Pick<ImageFiles, 'open'>
  openSource(ref: string, signal: AbortSignal): Promise<ImageSource>
}

export function createCompareHandlers(services: CompareHandlerDeps): {
  readonly 'compare:images': Handler<'compare:images'>
} {
  return {
    'compare:images': async (args, context) => {
      const platformText = optionalString(args, 'platform')
      const platform = platformText !== undefined ? parsePlatform(platformText) : undefined
      const semantic = optionalBoolean(args, 'semantic') ?? false
      const withFiles = semantic || (optionalBoolean(args, 'files') ?? false)
      const { signal } = context
      const [left, right] = await Promise.all([
        services.openSource(requiredString(args, 'left'), signal),
        services.openSource(requiredString(args, 'right'), signal),
      ])
      const comparison = await compareImages(left, right, {
        signal,
        semantic,
        ...(platform !== undefined ? { platform } : {}),
      })
      if (!withFiles) return comparison
      return withFileDiff(services, comparison, left, right, context, semantic)
    },
  }
}

async function withFileDiff(
  services: CompareHandlerDeps,
  comparison: ImageComparison,
  left: ImageSource,
  right: ImageSource,
  context: HandlerContext,
  semantic: boolean,
): Promise<ImageComparison> {
  const side = async (source: ImageSource, platform: Platform | undefined) => {
    // The files service picks the same platform image the comparison resolved to.
    const opened = await services.files.open(source, {
      signal: context.signal,
      emit: context.emit,
      ...(platform !== undefined ? { platform: platformString(platform) } : {}),
    })
    const diffSide: FileDiffSide = {
      layers: opened.layers,
      descriptors: opened.descriptors,
      // The same layer refs the indexer used: registry layers come from the blob cache.
      openBlob: (descriptor, signal) => {
        const ref = opened.refs.find((r) => r.digest === descriptor.digest)
        return ref ? ref.open(signal) : source.openBlob(descriptor, { signal })
      },
      // Layers listed from a table of contents: its per-file digests stand for the contents.
      readToc: async (layer, signal) => {
        const ref = opened.refs[layer]
        const openRange = ref?.openRange?.bind(ref)
        if (ref?.descriptor === undefined || openRange === undefined) return undefined
        return readLayerToc({ digest: ref.digest, ...ref.descriptor, openRange }, signal)
      },
    }
    return diffSide
  }
  const a = await side(left, comparison.left.platform)
  const b = await side(right, comparison.right.platform)
  const diff = await diffFilesystems(a, b, { signal: context.signal, semantic })
  const withFiles: ImageComparison = {
    ...comparison,
    files: diff.changes,
    warnings: [...comparison.warnings, ...diff.warnings],
  }
  if (!semantic) return withFiles
  const layers = await semanticLayers(comparison.layers, a, b, context.signal)
  const semanticResult = { ...withFiles, layers }
  return { ...semanticResult, equivalent: isEquivalent(semanticResult) }
}

/** "linux/amd64", "linux/arm/v7" → a Platform (shared/oci/platforms reads it); else BAD_INPUT. */
export function parsePlatform(text: string): Platform {
  const platform = parsePlatformText(text)
  if (platform === undefined) {
    throw new StrataError(
      'BAD_INPUT',
      `"${text}" is not a platform; write it as os/architecture[/variant], like linux/amd64.`,
      { subject: 'platform' },
    )
  }
  return platform
}
