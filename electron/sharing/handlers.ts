// Handler of sharing:compute: which layers a set of images share. Each ref is a repository
// (every tag, up to `limit`), an index (every platform image), or one image, from any source.

import { StrataError } from '../../shared/errors'
import { parseRepository } from '../../shared/reference'
import { parseSourceRef } from '../../shared/sourceRef'
import { isReferrersFallbackTag } from '../image/referrersIndex'
import type { LabelledSource } from './collectImages'
import { collectImageSet } from './collectImages'
import { computeSharing } from './layerSharing'
import { optionalCount } from '../util/argReaders'
import type { Page } from '../../shared/api'
import type { Handler, HandlerContext } from '../util/handlerTypes'
import type { ImageSource } from '../sources/imageSource'

export const DEFAULT_SHARING_LIMIT = 200
const MAX_SHARING_LIMIT = 5000
const MAX_REFS = 100
const TAG_PAGE = 1000
const MAX_TAG_PAGES = 50

/** What the sharing handlers need from the composition root (api/ passes its Services). */
export interface SharingHandlerDeps {
  readonly listing: {
    listTags(
      repository: string,
      options: {
        readonly cursor?: string
        readonly pageSize?: number
        readonly signal: AbortSignal
      },
    ): Promise<Page<string>>
  }
  openSource(ref: string, signal: AbortSignal): Promise<ImageSource>
}

export function createSharingHandlers(services: SharingHandlerDeps): {
  readonly 'sharing:compute': Handler<'sharing:compute'>
} {
  return {
    'sharing:compute': async (args, context) => {
      const refs = readRefs(args)
      const limit = optionalCount(args, 'limit', MAX_SHARING_LIMIT) ?? DEFAULT_SHARING_LIMIT
      const fromRepositories = new Set<LabelledSource>()
      const entries: LabelledSource[] = []
      for (const ref of refs) {
        const repository = repositoryRef(ref)
        if (repository === undefined) {
          const source = await services.openSource(ref, context.signal)
          entries.push({ label: ref, source })
          continue
        }
        const room = limit - fromRepositories.size
        for (const tag of await listTags(services, repository, room, context)) {
          const entry = {
            label: `${repository.repository}:${tag}`,
            source: await services.openSource(
              `docker://${repository.registry}/${repository.repository}:${tag}`,
              context.signal,
            ),
          }
          fromRepositories.add(entry)
          entries.push(entry)
        }
      }
      const operation = context.track({ kind: 'readManifests' }, context.signal, {
        unit: 'items',
      })
      let images
      try {
        images = await collectImageSet(entries, {
          signal: operation.signal,
          onProgress: (done, total) => operation.report(done, total),
          // A tag deleted between the listing and the read is left out, not an error.
          skipWhen: (entry, error) =>
            fromRepositories.has(entry) &&
            error instanceof StrataError &&
            error.code === 'NOT_FOUND',
        })
      } finally {
        operation.finish()
      }
      if (images.length === 0) {
        throw new StrataError('NOT_FOUND', 'None of these references names an image with layers.')
      }
      return computeSharing(images)
    },
  }
}

function readRefs(args: object): string[] {
  const value = (args as { refs?: unknown }).refs
  if (!Array.isArray(value) || value.length === 0 || value.length > MAX_REFS) {
    throw new StrataError('BAD_INPUT', `"refs" must list 1 to ${MAX_REFS} references.`, {
      subject: 'refs',
    })
  }
  return value.map((item) => {
    if (typeof item !== 'string' || item.trim() === '' || item.length > 4096) {
      throw new StrataError('BAD_INPUT', 'each of "refs" must be a reference.', {
        subject: 'refs',
      })
    }
    return item.trim()
  })
}

/** The repository a registry reference names without a tag or digest; else undefined. */
function repositoryRef(ref: string): { registry: string; repository: string } | undefined {
  let parsed
  try {
    parsed = parseSourceRef(ref)
  } catch {
    return undefined // openSource reports what is wrong with it
  }
  if (parsed.transport !== 'docker') return undefined
  try {
    return parseRepository(ref.replace(/^docker:\/\//, ''))
  } catch {
    return undefined
  }
}

/**
 * Tags of a repository, image tags only (referrers fallback tags left out), sorted by name,
 * the first `max` of them. Every page is read so the cap takes the same tags every time.
 */
async function listTags(
  services: SharingHandlerDeps,
  repository: { registry: string; repository: string },
  max: number,
  context: HandlerContext,
): Promise<string[]> {
  const tags: string[] = []
  let cursor: string | undefined
  for (let pages = 0; pages < MAX_TAG_PAGES; pages++) {
    const page = await services.listing.listTags(
      `${repository.registry}/${repository.repository}`,
      {
        pageSize: TAG_PAGE,
        signal: context.signal,
        ...(cursor !== undefined ? { cursor } : {}),
      },
    )
    tags.push(...page.items.filter((tag) => !isReferrersFallbackTag(tag)))
    cursor = page.next
    if (cursor === undefined) break
  }
  return tags.sort().slice(0, Math.max(0, max))
}
