// The layer caches (downloaded blobs and layer indexes): how much disk they use, and a way to
// empty them. Indexes are rebuilt on the next visit, from the registry or the local store.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { asApiError } from '../../api/ApiCallError'
import { call } from '../../api/client'
import { queryKeys } from '../../api/queryKeys'
import { useFormat } from '../../i18n/useFormat'

export function CacheControls() {
  const { t } = useTranslation('files')
  const format = useFormat()
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
      <span className="muted" title={t('cache.title')}>
        {t('cache.label')}{' '}
        {used !== undefined && info.data
          ? t('cache.usage', { used: format.size(used), limit: format.size(info.data.limitBytes) })
          : info.isError
            ? t('cache.unknown')
            : '…'}
      </span>
      <button
        type="button"
        className="button-secondary button-small"
        data-testid="cache-clear"
        disabled={clear.isPending}
        onClick={() => clear.mutate()}
      >
        {clear.isPending ? t('cache.clearing') : t('cache.clear')}
      </button>
      {clear.isError ? (
        <span className="inline-error">{asApiError(clear.error).message}</span>
      ) : null}
    </span>
  )
}
