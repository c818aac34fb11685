// The views of one image, as links in every image view's header: the graph, its files, the
// tags and history of its repository (a registry repository, or an OCI layout whose ref.name
// annotations are its tags), sharing (of the repository's tags,
// or of a local image's platforms) and compare.
import { useTranslation } from 'react-i18next'
import { Link } from './Link'
import { repositoryOfSource } from '../routing/refs'
import type { Route } from '../routing/route'

interface Tab {
  readonly label: string
  readonly route: Route
  readonly testId: string
}

export function ImageViewTabs({
  imageRef,
  current,
}: {
  readonly imageRef: string
  readonly current: string
}) {
  const { t } = useTranslation('common')
  const repository = repositoryOfSource(imageRef)
  const tabs: Tab[] = [
    { label: t('tabs.graph'), route: { view: 'graph', ref: imageRef }, testId: 'tab-graph' },
    { label: t('tabs.files'), route: { view: 'files', ref: imageRef }, testId: 'tab-files' },
  ]
  if (repository) {
    tabs.push(
      { label: t('tabs.tags'), route: { view: 'tags', ref: repository }, testId: 'tab-tags' },
      {
        label: t('tabs.history'),
        route: { view: 'history', ref: repository },
        testId: 'tab-history',
      },
    )
  }
  // Sharing across a repository's tags, or across the platforms of a local image's index.
  tabs.push({
    label: t('tabs.sharing'),
    route: { view: 'sharing', ref: repository ?? imageRef },
    testId: 'tab-sharing',
  })
  tabs.push({
    label: t('tabs.compare'),
    route: { view: 'compare', ref: imageRef },
    testId: 'tab-compare',
  })
  return (
    <nav className="view-tabs" aria-label={t('tabs.label')}>
      {tabs.map((tab) =>
        tab.route.view === current ? (
          <span key={tab.testId} className="view-tab current" aria-current="page">
            {tab.label}
          </span>
        ) : (
          <Link key={tab.testId} className="view-tab" to={tab.route} testId={tab.testId}>
            {tab.label}
          </Link>
        ),
      )}
    </nav>
  )
}
