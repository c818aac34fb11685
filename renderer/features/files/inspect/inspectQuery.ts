// files:inspect as a query, keyed under the image's files (so it is dropped with them).
import { queryOptions } from '@tanstack/react-query'
import type { FileInspection } from '../../../../shared/api'
import { call } from '../../../api/client'
import { queryKeys } from '../../../api/queryKeys'
import type { FileTarget } from '../fileReads'

export function inspectQuery(target: FileTarget, enabled: boolean) {
  const { ref, platform, layer, path } = target
  return queryOptions({
    queryKey: [...queryKeys.files(ref), 'inspect', layer ?? '', path, platform ?? ''],
    queryFn: (): Promise<FileInspection> =>
      call('files:inspect', {
        ref,
        path: `/${path}`,
        ...(platform !== undefined ? { platform } : {}),
        ...(layer !== undefined ? { layer } : {}),
      }),
    enabled,
    staleTime: Infinity,
  })
}
