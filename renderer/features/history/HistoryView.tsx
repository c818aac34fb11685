// The tag history of one repository (`view=history&ref=<repository>[&tag=&at=]`): the journal's
// timeline (d3), the moves it saw, "tag as of date", record / watch / export, and whether
// Quay's own tag history was merged in.
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { shortDigest } from '../../../shared/digest'
import { call } from '../../api/client'
import { queryKeys } from '../../api/queryKeys'
import { ErrorPanel } from '../../components/ErrorPanel'
import { EmptyState, LoadingBlock } from '../../components/Spinner'
import { ImageViewTabs } from '../../components/ImageViewTabs'
import { useNavigate } from '../../routing/navigation'
import { refForDigest, registryOfSource, repositoryOfSource } from '../../routing/refs'
import type { Route } from '../../routing/route'
import '../../styles/history.css'
import { AsOfForm } from './AsOfForm'
import { HistoryControls } from './HistoryControls'
import { HistoryTimeline } from './HistoryTimeline'
import { MovesList } from './MovesList'
import { QuayStatusLine } from './QuayStatusLine'
import { ViewPictureExport } from '../../components/ExportMenu'

export function HistoryView({ route }: { readonly route: Route }) {
  const { t } = useTranslation('history')
  if (!route.ref) {
    return (
      <EmptyState title={t('view.noRepositoryTitle')} testId="history-view">
        {t('view.noRepositoryBody')}
      </EmptyState>
    )
  }
  return <RepositoryHistory route={route} repository={repositoryOfSource(route.ref) ?? route.ref} />
}

function RepositoryHistory({
  route,
  repository,
}: {
  readonly route: Route
  readonly repository: string
}) {
  const { t } = useTranslation('history')
  const navigate = useNavigate()
  const [picked, setPicked] = useState<readonly string[]>([])
  const timeline = useQuery({
    queryKey: queryKeys.historyTimeline(repository),
    queryFn: ({ signal }) => call('history:timeline', { repository }, signal),
  })
  const openDigest = (digest: string): void =>
    navigate({ view: 'graph', ref: refForDigest(repository, digest) })
  const pick = (digest: string): void => {
    const next = picked.includes(digest) ? picked : [...picked, digest].slice(-2)
    const [a, b] = next
    if (a !== undefined && b !== undefined && a !== b) {
      setPicked([])
      navigate({
        view: 'compare',
        ref: refForDigest(repository, a),
        with: [refForDigest(repository, b)],
      })
    } else setPicked(next)
  }
  const data = timeline.data
  return (
    <section
      className="view history-view"
      data-testid="history-view"
      aria-labelledby="history-title"
    >
      <header className="view-header">
        <h2 id="history-title" className="view-title">
          {t('view.title')} <span className="view-subject mono">{repository}</span>
        </h2>
        <ImageViewTabs imageRef={repository} current="history" />
      </header>
      <HistoryControls repository={repository} watch={data?.watch} />
      {timeline.isPending ? (
        <LoadingBlock label={t('view.reading', { repository })} />
      ) : timeline.isError ? (
        <ErrorPanel
          error={timeline.error}
          host={registryOfSource(repository)}
          onRetry={() => void timeline.refetch()}
        />
      ) : timeline.data.tags.length === 0 ? (
        <>
          {/* Quay's history failing is why a quay.io journal can be empty: say so here too. */}
          <QuayStatusLine quay={timeline.data.quay} />
          <EmptyState title={t('view.emptyTitle')} testId="history-empty">
            {t('view.emptyBody')}
          </EmptyState>
        </>
      ) : (
        <>
          <QuayStatusLine quay={timeline.data.quay} />
          <p className="hint">
            {t('view.inJournal', { count: timeline.data.tags.length })}
            {picked[0] ? (
              <>
                {' '}
                {t('view.picked')} <span className="mono">{shortDigest(picked[0], 12)}</span>
                {t('view.pickAnother')}{' '}
                <button type="button" className="link-button" onClick={() => setPicked([])}>
                  {t('view.clear')}
                </button>
              </>
            ) : null}
          </p>
          <ViewPictureExport selector=".history-timeline svg" what="history" />
          <HistoryTimeline
            timeline={timeline.data}
            focusTag={route.tag}
            picked={picked}
            onOpen={openDigest}
            onPick={pick}
          />
          <div className="history-panels">
            <MovesList repository={repository} moves={timeline.data.moves} />
            <AsOfForm
              repository={repository}
              tags={timeline.data.tags.map((entry) => entry.tag)}
              initialTag={route.tag}
              initialAt={route.at}
              onAsk={(tag, at) =>
                navigate(
                  { view: 'history', ref: route.ref ?? repository, tag, at },
                  { replace: true },
                )
              }
            />
          </div>
        </>
      )}
    </section>
  )
}
