import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import type { RegistryEntry } from '../../shared/api'
import { call } from '../api/client'
import { queryKeys } from '../api/queryKeys'
import { ErrorPanel } from '../components/ErrorPanel'
import { handleListKeys } from '../components/listKeys'
import { Spinner } from '../components/Spinner'
import { useNavigate } from '../routing/navigation'

export function RegistryList({ activeHost }: { readonly activeHost: string | undefined }) {
  const { t } = useTranslation('frame')
  const registries = useQuery({
    queryKey: queryKeys.registries,
    queryFn: ({ signal }) => call('registries:list', {}, signal),
    staleTime: Infinity,
  })

  if (registries.isPending) return <Spinner label={t('registries.loading')} />
  if (registries.isError) {
    return <ErrorPanel compact error={registries.error} onRetry={() => void registries.refetch()} />
  }
  if (registries.data.length === 0) {
    return <p className="sidebar-empty">{t('registries.empty')}</p>
  }
  return (
    <ul className="registry-list" aria-label={t('registries.label')} onKeyDown={handleListKeys}>
      {registries.data.map((entry) => (
        <RegistryItem key={entry.host} entry={entry} active={entry.host === activeHost} />
      ))}
    </ul>
  )
}

function RegistryItem({
  entry,
  active,
}: {
  readonly entry: RegistryEntry
  readonly active: boolean
}) {
  const { t } = useTranslation('frame')
  const navigate = useNavigate()
  const queryClient = useQueryClient()
  const remove = useMutation({
    mutationFn: () => call('registries:remove', { host: entry.host }),
    onSuccess: (list) => queryClient.setQueryData(queryKeys.registries, list),
  })
  const open = (): void => navigate({ view: 'repositories', registry: entry.host })

  return (
    <li
      className={active ? 'registry-item active' : 'registry-item'}
      data-testid="registry-item"
      data-host={entry.host}
      onClick={open}
    >
      <button
        type="button"
        className="registry-open"
        data-row-focus
        aria-current={active ? 'page' : undefined}
        title={t('registries.browse', { host: entry.host })}
      >
        <span className="registry-host">{entry.host}</span>
        <span className="registry-badges">
          {entry.insecure ? <span className="badge badge-warn">{t('registries.http')}</span> : null}
          {entry.hasCredentials ? (
            <span
              className="badge"
              title={
                entry.username
                  ? t('registries.signedInAs', { user: entry.username })
                  : t('registries.signedIn')
              }
            >
              {t('registries.signedIn')}
            </span>
          ) : null}
        </span>
      </button>
      <button
        type="button"
        className="icon-button registry-remove"
        aria-label={t('registries.remove', { host: entry.host })}
        title={t('registries.remove', { host: entry.host })}
        disabled={remove.isPending}
        onClick={(event) => {
          event.stopPropagation()
          remove.mutate()
        }}
      >
        ×
      </button>
      {remove.isError ? <ErrorPanel compact error={remove.error} /> : null}
    </li>
  )
}
