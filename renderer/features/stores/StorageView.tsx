// The storage view (`view=storage`, optional `ref=containers-storage:[driver@graph+run]name`):
// what podman, buildah and skopeo keep on disk — roots and storage.conf, images and their
// big-data files, layers with their three names and their directories, containers, and
// overlay's l/ links. Read-only, from stores:describeStorage.
import '../../styles/storage.css'
import '../../styles/storage-cards.css'
import { useQuery } from '@tanstack/react-query'
import { useCallback, useEffect, useId, useMemo, useState } from 'react'
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
  ['storage-overview', 'Where it lives'],
  ['storage-images', 'Images'],
  ['storage-layers', 'Layers'],
  ['storage-containers', 'Containers'],
  ['storage-links', 'l/ links'],
] as const

export function StorageView({ storeRef }: { readonly storeRef: string | undefined }) {
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
        Podman storage
        <span className="view-subject mono">
          {view?.graphRoot ?? storeRef ?? 'the default store'}
        </span>
        {view ? <span className="view-source">{view.driver} driver · read-only</span> : null}
      </h2>
      {view ? (
        <button
          type="button"
          className="button-secondary button-small"
          disabled={storage.isFetching}
          onClick={() => void storage.refetch()}
        >
          {storage.isFetching ? 'Reading…' : 'Read again'}
        </button>
      ) : null}
    </header>
  )

  if (storage.isPending) return <LoadingBlock label="Reading podman’s storage…" />
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
      <p className="storage-intro">
        What podman, buildah and skopeo keep on disk for this store, read straight from its files.
        An image is a config ID with names; its layers form a parent chain; each layer is a
        directory of changes.
      </p>
      <nav className="storage-toc" aria-label="Storage sections">
        {SECTIONS.filter(([id]) => id !== 'storage-links' || view.driver === 'overlay').map(
          ([id, label]) => (
            <button
              key={id}
              type="button"
              className="link-button"
              onClick={() => document.getElementById(id)?.scrollIntoView({ block: 'start' })}
            >
              {label}
            </button>
          ),
        )}
      </nav>
      {view.images.length === 0 && view.layers.length === 0 && view.containers.length === 0 ? (
        <p className="storage-empty" data-testid="storage-empty">
          This store is empty: no images, layers or containers yet.
        </p>
      ) : null}
      <StorageOverview view={view} />
      <LayerIdentityLegend />

      <section className="storage-section" id="storage-images" aria-labelledby="images-title">
        <h3 id="images-title" className="storage-heading">
          Images <span className="count">{view.images.length}</span>
        </h3>
        {view.images.length === 0 ? (
          <EmptyState title="No images in this store">
            Pull or copy one in, for example: skopeo copy docker://… containers-storage:name
          </EmptyState>
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
            Layers{' '}
            <span className="count">
              {layers.length === view.layers.length
                ? view.layers.length
                : `${layers.length} of ${view.layers.length}`}
            </span>
          </h3>
          {view.layers.length > 0 ? (
            <>
              <label htmlFor={filterId} className="sr-only">
                Filter layers
              </label>
              <input
                id={filterId}
                type="search"
                className="filter-input storage-filter"
                placeholder="Filter by ID, digest, short name, image…"
                value={filter}
                onChange={(event) => setFilter(event.target.value)}
              />
            </>
          ) : null}
        </div>
        {view.layers.length === 0 ? (
          <EmptyState title="No layers in this store" />
        ) : layers.length === 0 ? (
          <p className="hint">No layer matches “{filter}”.</p>
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
          Containers <span className="count">{view.containers.length}</span>
        </h3>
        {view.containers.length === 0 ? (
          <p className="hint">
            No containers. Each container podman creates gets a writable layer on top of its image’s
            layers; it would be listed here and marked among the layers.
          </p>
        ) : (
          <ContainersTable containers={view.containers} index={index} onJumpToLayer={jumpToLayer} />
        )}
      </section>

      {view.driver === 'overlay' ? (
        <section className="storage-section" id="storage-links" aria-labelledby="links-title">
          <h3 id="links-title" className="storage-heading">
            Short links in l/ <span className="count">{view.shortLinks.length}</span>
          </h3>
          <p className="hint">
            Each layer’s link file holds a short name; l/NAME points to that layer’s diff/. The
            lower files list these names, which keeps overlay mount options short.
          </p>
          {view.shortLinks.length > 0 ? (
            <ShortLinksTable links={view.shortLinks} onJumpToLayer={jumpToLayer} />
          ) : null}
        </section>
      ) : null}
    </section>
  )
}
