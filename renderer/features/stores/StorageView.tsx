// The storage view (`view=storage`, optional `ref=containers-storage:[driver@graph+run]name`):
// what podman, buildah and skopeo keep on disk — roots and storage.conf, images and their
// big-data files, layers with their three names and their directories, containers, and
// overlay's l/ links. Read-only, from stores:describeStorage.
import '../../styles/storage.css'
import '../../styles/storage-cards.css'
import { useQuery } from '@tanstack/react-query'
import { useCallback, useEffect, useId, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { call } from '../../api/client'
import { ErrorPanel } from '../../components/ErrorPanel'
import { EmptyState, LoadingBlock } from '../../components/Spinner'
import { storeKeys } from './storeQueries'
import { storageQueryRef } from './storeText'
import { LayerIdentityLegend } from './LayerIdentityLegend'
import { StorageImageCard } from './StorageImageCard'
import { layerElementId, StorageLayerCard } from './StorageLayerCard'
import { StorageOverview } from './StorageOverview'
import { ContainersTable, ShortLinksTable } from './StorageTables'
import { filterLayers, indexStorage } from './storageModel'

/** Up to this many layers, each layer's "on disk" part starts open. */
const OPEN_DIRECTORIES_UP_TO = 12

const SECTIONS = [
  ['storage-overview', 'storage.sectionOverview'],
  ['storage-images', 'storage.sectionImages'],
  ['storage-layers', 'storage.sectionLayers'],
  ['storage-containers', 'storage.sectionContainers'],
  ['storage-links', 'storage.sectionLinks'],
] as const

export function StorageView({ storeRef }: { readonly storeRef: string | undefined }) {
  const { t } = useTranslation('stores')
  const filterId = useId()
  const queryRef = storageQueryRef(storeRef)
  const storage = useQuery({
    queryKey: storeKeys.storage(queryRef),
    queryFn: ({ signal }) =>
      call('stores:describeStorage', queryRef !== undefined ? { ref: queryRef } : {}, signal),
  })
  const [filter, setFilter] = useState('')
  const [target, setTarget] = useState<string | undefined>()
  const view = storage.data
  const index = useMemo(() => (view ? indexStorage(view) : undefined), [view])
  const layers = useMemo(
    () => (view && index ? filterLayers(view.layers, filter, index) : []),
    [view, index, filter],
  )

  // Jumping to a layer clears the filter first, so the layer is there to scroll to.
  const jumpToLayer = useCallback((layerId: string) => {
    setFilter('')
    setTarget(layerId)
  }, [])
  useEffect(() => {
    if (target === undefined) return
    const element = document.getElementById(layerElementId(target))
    element?.scrollIntoView({ block: 'start' })
    element?.focus({ preventScroll: true })
    setTarget(undefined)
  }, [target])

  const heading = (
    <header className="view-header">
      <h2 id="storage-title" className="view-title">
        {t('storage.title')}
        <span className="view-subject mono">
          {view?.graphRoot ?? storeRef ?? t('storage.defaultStore')}
        </span>
        {view ? (
          <span className="view-source">{t('storage.driver', { driver: view.driver })}</span>
        ) : null}
      </h2>
      {view ? (
        <button
          type="button"
          className="button-secondary button-small"
          disabled={storage.isFetching}
          onClick={() => void storage.refetch()}
        >
          {storage.isFetching ? t('storage.reading') : t('storage.readAgain')}
        </button>
      ) : null}
    </header>
  )

  if (storage.isPending) return <LoadingBlock label={t('storage.loading')} />
  if (storage.isError || !view || !index) {
    return (
      <section className="view" data-testid="storage-view" aria-labelledby="storage-title">
        {heading}
        <ErrorPanel error={storage.error} onRetry={() => void storage.refetch()} />
      </section>
    )
  }

  return (
    <section
      className="view storage-view"
      data-testid="storage-view"
      aria-labelledby="storage-title"
    >
      {heading}
      <p className="storage-intro">{t('storage.intro')}</p>
      <nav className="storage-toc" aria-label={t('storage.sections')}>
        {SECTIONS.filter(([id]) => id !== 'storage-links' || view.driver === 'overlay').map(
          ([id, label]) => (
            <button
              key={id}
              type="button"
              className="link-button"
              onClick={() => document.getElementById(id)?.scrollIntoView({ block: 'start' })}
            >
              {t(label)}
            </button>
          ),
        )}
      </nav>
      {view.images.length === 0 && view.layers.length === 0 && view.containers.length === 0 ? (
        <p className="storage-empty" data-testid="storage-empty">
          {t('storage.empty')}
        </p>
      ) : null}
      <StorageOverview view={view} />
      <LayerIdentityLegend />

      <section className="storage-section" id="storage-images" aria-labelledby="images-title">
        <h3 id="images-title" className="storage-heading">
          {t('storage.imagesTitle')} <span className="count">{view.images.length}</span>
        </h3>
        {view.images.length === 0 ? (
          <EmptyState title={t('storage.noImagesTitle')}>{t('storage.noImagesBody')}</EmptyState>
        ) : (
          <div className="storage-cards">
            {view.images.map((image) => (
              <StorageImageCard
                key={image.id}
                image={image}
                index={index}
                onJumpToLayer={jumpToLayer}
              />
            ))}
          </div>
        )}
      </section>

      <section className="storage-section" id="storage-layers" aria-labelledby="layers-title">
        <div className="storage-heading-row">
          <h3 id="layers-title" className="storage-heading">
            {t('storage.layersTitle')}{' '}
            <span className="count">
              {layers.length === view.layers.length
                ? view.layers.length
                : t('storage.layersShown', { shown: layers.length, total: view.layers.length })}
            </span>
          </h3>
          {view.layers.length > 0 ? (
            <>
              <label htmlFor={filterId} className="sr-only">
                {t('storage.filterLayers')}
              </label>
              <input
                id={filterId}
                type="search"
                className="filter-input storage-filter"
                placeholder={t('storage.filterPlaceholder')}
                value={filter}
                onChange={(event) => setFilter(event.target.value)}
              />
            </>
          ) : null}
        </div>
        {view.layers.length === 0 ? (
          <EmptyState title={t('storage.noLayersTitle')} />
        ) : layers.length === 0 ? (
          <p className="hint">{t('storage.noLayerMatches', { filter })}</p>
        ) : (
          <div className="storage-cards">
            {layers.map((layer) => (
              <StorageLayerCard
                key={layer.id}
                layer={layer}
                index={index}
                onJumpToLayer={jumpToLayer}
                showDirectories={view.layers.length <= OPEN_DIRECTORIES_UP_TO}
              />
            ))}
          </div>
        )}
      </section>

      <section
        className="storage-section"
        id="storage-containers"
        aria-labelledby="containers-title"
      >
        <h3 id="containers-title" className="storage-heading">
          {t('storage.containersTitle')} <span className="count">{view.containers.length}</span>
        </h3>
        {view.containers.length === 0 ? (
          <p className="hint">{t('storage.noContainers')}</p>
        ) : (
          <ContainersTable containers={view.containers} index={index} onJumpToLayer={jumpToLayer} />
        )}
      </section>

      {view.driver === 'overlay' ? (
        <section className="storage-section" id="storage-links" aria-labelledby="links-title">
          <h3 id="links-title" className="storage-heading">
            {t('storage.linksTitle')} <span className="count">{view.shortLinks.length}</span>
          </h3>
          <p className="hint">{t('storage.linksHint')}</p>
          {view.shortLinks.length > 0 ? (
            <ShortLinksTable links={view.shortLinks} onJumpToLayer={jumpToLayer} />
          ) : null}
        </section>
      ) : null}
    </section>
  )
}
