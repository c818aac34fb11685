// One local store in the sidebar: what it is, where it lives, its images (a click opens the
// graph), its storage view (podman), or why it could not be read.
import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ApiError } from '../../../shared/errors'
import type { LocalStore, LocalStoreImage } from '../../../shared/api/stores'
import { handleListKeys } from '../../components/listKeys'
import { Link } from '../../components/Link'
import { useFormat } from '../../i18n/useFormat'
import { useNavigate } from '../../routing/navigation'
import { LocalContainerList } from './LocalContainerList'
import { storeErrorText } from './storeErrorText'
import {
  imageListLabel,
  imageTitle,
  shortImageId,
  storageViewRef,
  storeBadges,
  storeDescription,
  storeTitle,
} from './storeText'

/** Images shown before "show all": a busy Docker host can hold hundreds. */
const IMAGES_SHOWN = 25

interface LocalStoreItemProps {
  readonly store: LocalStore
  /** The reference open in the graph view, to mark its row. */
  readonly activeRef: string | undefined
  /** The storage view is open on this store. */
  readonly storageActive: boolean
}

export function LocalStoreItem({ store, activeRef, storageActive }: LocalStoreItemProps) {
  const { t } = useTranslation('stores')
  const listId = useId()
  const [expanded, setExpanded] = useState(true)
  const [showAll, setShowAll] = useState(false)
  const storageRef = storageViewRef(store)
  const badges = storeBadges(store)
  const images = showAll ? store.images : store.images.slice(0, IMAGES_SHOWN)
  const hidden = store.images.length - images.length

  return (
    <li
      className="local-store"
      data-testid="local-store"
      data-kind={store.kind}
      data-location={store.location}
      data-namespace={store.namespace}
    >
      <button
        type="button"
        className="local-store-toggle"
        aria-expanded={expanded}
        aria-controls={listId}
        title={storeDescription(store)}
        onClick={() => setExpanded((open) => !open)}
      >
        <span className="disclosure" aria-hidden="true" />
        <span className="local-store-title">{storeTitle(store)}</span>
        {store.error && store.images.length === 0 ? null : (
          <span className="local-store-count">
            {t('sidebar.images', { count: store.images.length })}
          </span>
        )}
      </button>
      {badges.length > 0 ? (
        <p className="local-store-badges">
          {badges.map((badge) => (
            <span key={badge} className="badge">
              {badge}
            </span>
          ))}
        </p>
      ) : null}
      <p className="local-store-location mono">{store.location}</p>
      {storageRef !== null ? (
        <Link
          className={storageActive ? 'local-store-storage active' : 'local-store-storage'}
          to={{ view: 'storage', ...(storageRef !== undefined && { ref: storageRef }) }}
          title={t('sidebar.storageLinkTitle')}
        >
          {t('sidebar.storageLink')}
        </Link>
      ) : null}
      {store.error ? <StoreError error={store.error} /> : null}
      <div id={listId} hidden={!expanded}>
        {store.images.length === 0 && !store.error ? (
          <p className="sidebar-empty local-store-empty">{t('sidebar.noImages')}</p>
        ) : (
          <ul
            className="local-image-list"
            aria-label={imageListLabel(store)}
            onKeyDown={handleListKeys}
          >
            {images.map((image) => (
              <LocalImageRow key={image.ref} image={image} active={image.ref === activeRef} />
            ))}
          </ul>
        )}
        {hidden > 0 ? (
          <button
            type="button"
            className="link-button local-store-more"
            onClick={() => setShowAll(true)}
          >
            {t('sidebar.showAll', { count: store.images.length })}
          </button>
        ) : null}
      </div>
      <LocalContainerList store={store} activeRef={activeRef} />
    </li>
  )
}

function LocalImageRow({
  image,
  active,
}: {
  readonly image: LocalStoreImage
  readonly active: boolean
}) {
  const { t } = useTranslation('stores')
  const format = useFormat()
  const navigate = useNavigate()
  const title = imageTitle(image)
  return (
    <li
      className={active ? 'local-image active' : 'local-image'}
      data-testid="local-image"
      data-ref={image.ref}
    >
      <button
        type="button"
        className="local-image-open"
        data-row-focus
        aria-current={active ? 'page' : undefined}
        title={t('sidebar.open', { ref: image.ref })}
        onClick={() => navigate({ view: 'graph', ref: image.ref })}
      >
        <span className={title.untagged ? 'local-image-name untagged' : 'local-image-name'}>
          {title.primary}
        </span>
        {title.others.length > 0 ? (
          <span className="local-image-others" title={title.others.join('\n')}>
            {t('sidebar.moreNames', { count: title.others.length })}
          </span>
        ) : null}
        <span className="local-image-meta">
          <span className="mono">{shortImageId(image.id)}</span>
          {image.size !== undefined ? <span>{format.size(image.size)}</span> : null}
        </span>
      </button>
    </li>
  )
}

/** Why a store that exists could not be read, in a line or two; the rest of the list stays. */
function StoreError({ error }: { readonly error: ApiError }) {
  return (
    <p className="store-error" data-testid="local-store-error" data-code={error.code} role="note">
      <span className="store-error-icon" aria-hidden="true">
        !
      </span>
      <span>
        {storeErrorText(error)}
        {error.detail?.cause ? <span className="muted"> ({error.detail.cause})</span> : null}
      </span>
    </p>
  )
}
