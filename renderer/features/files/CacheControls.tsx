// The layer caches (downloaded blobs and layer indexes): how much disk they use, and a way to
// empty them. Indexes are rebuilt on the next visit, from the registry or the local store.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { formatBytes } from '../../../shared/format'
import { asApiError } from '../../api/ApiCallError'
import { call } from '../../api/client'
import { queryKeys } from '../../api/queryKeys'

export function CacheControls() {
  const queryClient = useQueryClient()
  const info = useQuery({
    queryKey: queryKeys.cacheInfo,
    queryFn: ({ signal }) => call('cache:info', {}, signal),
  })
  const clear = useMutation({
    mutationFn: () => call('cache:clear', {}),
    onSuccess: (cleared) => {
      queryClient.setQueryData(queryKeys.cacheInfo, cleared)
    },
  })
  const used = info.data ? info.data.blobBytes + info.data.indexBytes : undefined
  return (
    <span className="cache-controls" data-testid="cache-info">
      <span className="muted" title="Downloaded layers and layer indexes kept on disk">
        Layer cache:{' '}
        {used !== undefined && info.data
          ? `${formatBytes(used)} of ${formatBytes(info.data.limitBytes)}`
          : info.isError
            ? 'unknown'
            : '…'}
      </span>
      <button
        type="button"
        className="button-secondary button-small"
        data-testid="cache-clear"
        disabled={clear.isPending}
        onClick={() => clear.mutate()}
      >
        {clear.isPending ? 'Clearing…' : 'Clear cache'}
      </button>
      {clear.isError ? (
        <span className="inline-error">{asApiError(clear.error).message}</span>
      ) : null}
    </span>
  )
}
