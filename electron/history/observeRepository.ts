// Turns a look at a registry repository into observations: every tag listed (all pages), each
// resolved to its digest with bounded concurrency. Tags that vanish between the listing and
// the resolve are left out, not reported as errors.

import { StrataError } from '../../shared/errors'
import type { Descriptor } from '../../shared/oci/types'
import type { ObservationSource, TagObservation } from '../../shared/api/history'
import { Semaphore } from '../util/semaphore'
import type { ListOptions, RegistryPage } from '../registry/pagination'

/** The part of RegistryClient this needs. */
export interface TagLister {
  readonly registry: string
  listTags(repository: string, options?: ListOptions): Promise<RegistryPage>
  resolve(
    repository: string,
    reference: string,
    options?: { readonly signal?: AbortSignal },
  ): Promise<Descriptor>
}

export interface ObserveOptions {
  readonly source: ObservationSource
  readonly concurrency?: number
  readonly signal?: AbortSignal
  readonly now?: () => Date
  /** Stop listing after this many tags (a guard against endless repositories). */
  readonly maxTags?: number
  /** Called once the tags are listed (done 0) and after each tag is resolved. */
  readonly onProgress?: (done: number, total: number) => void
}

export async function listAllTags(
  client: TagLister,
  repository: string,
  options: { readonly signal?: AbortSignal; readonly maxTags?: number } = {},
): Promise<string[]> {
  const tags: string[] = []
  const max = options.maxTags ?? 10_000
  let cursor: string | undefined
  do {
    const page = await client.listTags(repository, {
      pageSize: 1000,
      ...(cursor !== undefined ? { cursor } : {}),
      ...(options.signal !== undefined ? { signal: options.signal } : {}),
    })
    tags.push(...page.items)
    cursor = page.next
  } while (cursor !== undefined && tags.length < max)
  return tags.slice(0, max)
}

export async function observeRepository(
  client: TagLister,
  repository: string,
  options: ObserveOptions,
): Promise<TagObservation[]> {
  const tags = await listAllTags(client, repository, options)
  return observeTags(client, repository, tags, options)
}

export async function observeTags(
  client: TagLister,
  repository: string,
  tags: readonly string[],
  options: ObserveOptions,
): Promise<TagObservation[]> {
  const limit = new Semaphore(options.concurrency ?? 8)
  const now = options.now ?? ((): Date => new Date())
  const signal = options.signal !== undefined ? { signal: options.signal } : {}
  let done = 0
  const progress = (): void => options.onProgress?.(done, tags.length)
  progress()
  const resolved = await Promise.all(
    tags.map((tag) =>
      limit.run(async (): Promise<TagObservation | undefined> => {
        try {
          const descriptor = await client.resolve(repository, tag, signal)
          return {
            registry: client.registry,
            repository,
            tag,
            digest: descriptor.digest,
            seenAt: now().toISOString(),
            source: options.source,
          }
        } catch (error) {
          if (error instanceof StrataError && error.code === 'NOT_FOUND') return undefined
          throw error
        } finally {
          done += 1
          progress()
        }
      }),
    ),
  )
  return resolved.filter((o): o is TagObservation => o !== undefined)
}
