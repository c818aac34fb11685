// Picks the view the URL names. Unknown views get a friendly message, never a blank area.
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { call } from '../api/client'
import { queryKeys } from '../api/queryKeys'
import { ErrorPanel } from '../components/ErrorPanel'
import { Link } from '../components/Link'
import { EmptyState, LoadingBlock } from '../components/Spinner'
import { GraphView } from '../features/image/GraphView'
import { RepositoriesView } from '../features/registry/RepositoriesView'
import { StorageView } from '../features/stores/StorageView'
import { TagsView } from '../features/tags/TagsView'
import { FilesView } from '../features/files/FilesView'
import { HistoryView } from '../features/history/HistoryView'
import { SharingView } from '../features/sharing/SharingView'
import { CompareView } from '../features/compare/CompareView'
import { AttestationsView } from '../features/attestations/AttestationsView'
import { LessonsView } from '../features/lessons/LessonsView'
import { ExportView } from '../features/exports/ExportView'
import { withoutLesson, type Route } from '../routing/route'

export function ViewSwitch({ route }: { readonly route: Route }) {
  const { t } = useTranslation('frame')
  if (route.lesson !== undefined && route.view !== 'lessons') {
    // A student clicked into the view a step opened: that view, with the lesson still beside it.
    const explored = withoutLesson(route)
    return (
      <LessonsView
        route={route}
        exploring={explored}
        renderTarget={(target) => <ViewSwitch route={target} />}
      />
    )
  }
  switch (route.view) {
    case 'graph':
      return route.ref ? (
        <GraphView imageRef={route.ref} selected={route.node} />
      ) : (
        <SampleGraph route={route} />
      )
    case 'tags':
      return route.ref ? (
        <TagsView repositoryRef={route.ref} />
      ) : (
        <EmptyState title={t('views.noRepository')}>{t('views.noRepositoryBody')}</EmptyState>
      )
    case 'repositories':
      return route.registry ? (
        <RepositoriesView registry={route.registry} />
      ) : (
        <EmptyState title={t('views.noRegistry')}>{t('views.noRegistryBody')}</EmptyState>
      )
    case 'storage':
      // No ref: the store podman uses by default; a containers-storage: ref names another.
      return <StorageView storeRef={route.ref} />
    case 'files':
      return <FilesView route={route} />
    case 'history':
      return <HistoryView route={route} />
    case 'sharing':
      return <SharingView route={route} />
    case 'compare':
      return <CompareView route={route} />
    case 'attestations':
      return <AttestationsView route={route} />
    case 'export':
      return <ExportView route={route} />
    case 'lessons':
      // The lesson panel beside the real view its step drives (a route this switch renders).
      return <LessonsView route={route} renderTarget={(target) => <ViewSwitch route={target} />} />
    default:
      return (
        <EmptyState title={t('views.unknown', { view: route.view })} testId="unknown-view">
          {t('views.unknownBody')}{' '}
          <Link to={{ view: 'graph', ...(route.ref && { ref: route.ref }) }}>
            {t('views.showGraph')}
          </Link>
        </EmptyState>
      )
  }
}

/** No `ref` in the URL: the bundled sample, so a first launch shows something real offline. */
function SampleGraph({ route }: { readonly route: Route }) {
  const { t } = useTranslation('frame')
  const info = useQuery({
    queryKey: queryKeys.appInfo,
    queryFn: ({ signal }) => call('app:info', {}, signal),
    staleTime: Infinity,
  })
  if (info.isPending) return <LoadingBlock label={t('views.starting')} />
  if (info.isError) return <ErrorPanel error={info.error} onRetry={() => void info.refetch()} />
  return <GraphView imageRef={info.data.sampleRef} selected={route.node} />
}
