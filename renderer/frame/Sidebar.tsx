import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { call } from '../api/client'
import { queryKeys } from '../api/queryKeys'
import { LessonsSourceItem } from '../features/lessons/LessonsSourceItem'
import { LocalStoresSection } from '../features/stores/LocalStoresSection'
import { useNavigate } from '../routing/navigation'
import type { Route } from '../routing/route'
import { AddRegistryForm } from './AddRegistryForm'
import { RegistryList } from './RegistryList'

export function Sidebar({ route, hidden }: { readonly route: Route; readonly hidden: boolean }) {
  const { t } = useTranslation('frame')
  const navigate = useNavigate()
  const info = useQuery({
    queryKey: queryKeys.appInfo,
    queryFn: ({ signal }) => call('app:info', {}, signal),
    staleTime: Infinity,
  })
  const sampleRef = info.data?.sampleRef
  const sampleActive =
    route.view === 'graph' && (route.ref === undefined || route.ref === sampleRef)

  return (
    <nav className="sidebar" id="sources" aria-label={t('sidebar.label')} hidden={hidden}>
      <h2 className="sidebar-title">{t('sidebar.title')}</h2>
      <ul className="source-list">
        <li className={sampleActive ? 'source-item active' : 'source-item'}>
          <button
            type="button"
            className="source-open"
            aria-current={sampleActive ? 'page' : undefined}
            disabled={!sampleRef}
            title={sampleRef ? t('sidebar.openSample', { ref: sampleRef }) : t('sidebar.loading')}
            onClick={() => sampleRef && navigate({ view: 'graph', ref: sampleRef })}
          >
            <span className="source-name">{t('sidebar.sampleName')}</span>
            <span className="source-hint">{t('sidebar.sampleHint')}</span>
          </button>
        </li>
        <LessonsSourceItem route={route} />
      </ul>
      <LocalStoresSection route={route} />
      <h3 className="sidebar-subtitle">{t('sidebar.registries')}</h3>
      <RegistryList activeHost={route.view === 'repositories' ? route.registry : undefined} />
      <AddRegistryForm />
    </nav>
  )
}
