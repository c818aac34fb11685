// Which directories of the tree hold something the listed layer changed, so their rows carry
// dive's "contains changes" mark. One flat listing of the layer's changes (every kind), read a
// page at a time up to a bound: a layer with more changes than that marks what the pages cover.
import { useQuery } from '@tanstack/react-query'
import type { ChangeKind } from '../../../shared/api/files'
import { call } from '../../api/client'
import { queryKeys } from '../../api/queryKeys'
import { directoriesWithChanges } from './fileFormat'

const EVERY_CHANGE: readonly ChangeKind[] = ['added', 'modified', 'deleted', 'opaque']
const PAGE_SIZE = 5000
/** At most this many pages (50,000 changed paths) are read for the marks. */
const MAX_PAGES = 10
const NONE: ReadonlySet<string> = new Set()

export interface ChangedDirsScope {
  readonly ref: string
  readonly platform?: string | undefined
  readonly layer?: string | undefined
}

export function useChangedDirs(scope: ChangedDirsScope, enabled = true): ReadonlySet<string> {
  const { ref, platform, layer } = scope
  const query = useQuery({
    queryKey: [
      ...queryKeys.fileList(ref, layer ?? '', '', 'name', EVERY_CHANGE.join(',')),
      'changed-dirs',
      platform ?? '',
    ],
    queryFn: async ({ signal }) => {
      const paths: string[] = []
      let cursor: string | undefined
      for (let page = 0; page < MAX_PAGES; page++) {
        const result = await call(
          'files:list',
          {
            ref,
            path: '',
            recursive: true,
            change: EVERY_CHANGE,
            limit: PAGE_SIZE,
            ...(platform !== undefined ? { platform } : {}),
            ...(layer !== undefined ? { layer } : {}),
            ...(cursor !== undefined ? { cursor } : {}),
          },
          signal,
        )
        for (const item of result.items) paths.push(item.path)
        cursor = result.next
        if (cursor === undefined) break
      }
      return directoriesWithChanges(paths)
    },
    enabled,
    staleTime: Infinity,
    retry: false,
  })
  // The marks are a hint: while they load, or if the listing fails, rows show none.
  return query.data ?? NONE
}
