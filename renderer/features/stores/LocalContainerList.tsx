// A store's containers in the sidebar: name, image, state and sizes (the writable layer, and
// the virtual size with the image). A click opens the container: its image's graph with the
// writable layer on top.
import { useTranslation } from 'react-i18next'
import type { ContainerInfo, LocalStore } from '../../../shared/api/stores'
import { handleListKeys } from '../../components/listKeys'
import { useFormat } from '../../i18n/useFormat'
import { useNavigate } from '../../routing/navigation'

/** Docker's container states Strata words; any other is shown as the daemon says it. */
const KNOWN_STATES = [
  'created',
  'running',
  'paused',
  'restarting',
  'exited',
  'removing',
  'dead',
] as const
type KnownState = (typeof KNOWN_STATES)[number]
const isKnownState = (state: string): state is KnownState =>
  (KNOWN_STATES as readonly string[]).includes(state)

export function LocalContainerList({
  store,
  activeRef,
}: {
  readonly store: LocalStore
  readonly activeRef: string | undefined
}) {
  const { t } = useTranslation('stores')
  const containers = store.containers ?? []
  if (containers.length === 0) return null
  return (
    <div className="local-containers" data-testid="local-containers">
      <p className="local-containers-heading">
        {t('containers.heading', { count: containers.length })}
      </p>
      <ul
        className="local-image-list"
        aria-label={t('containers.listLabel', { location: store.location })}
        onKeyDown={handleListKeys}
      >
        {containers.map((container) => (
          <LocalContainerRow
            key={container.ref}
            container={container}
            active={container.ref === activeRef}
          />
        ))}
      </ul>
    </div>
  )
}

function LocalContainerRow({
  container,
  active,
}: {
  readonly container: ContainerInfo
  readonly active: boolean
}) {
  const { t } = useTranslation('stores')
  const format = useFormat()
  const navigate = useNavigate()
  const state = container.state
  return (
    <li
      className={active ? 'local-image local-container active' : 'local-image local-container'}
      data-testid="local-container"
      data-ref={container.ref}
      data-state={state}
    >
      <button
        type="button"
        className="local-image-open"
        data-row-focus
        aria-current={active ? 'page' : undefined}
        title={t('containers.open', { name: container.name, image: container.image })}
        onClick={() => navigate({ view: 'graph', ref: container.ref })}
      >
        <span className="local-image-name">{container.name}</span>
        <span className="local-image-meta">
          <span className="mono">{t('containers.image', { image: container.image })}</span>
          {state !== undefined ? (
            <span data-testid="local-container-state">
              {isKnownState(state) ? t(`containers.state.${state}`) : state}
            </span>
          ) : null}
        </span>
        <span className="local-image-meta" title={t('containers.sizesTitle')}>
          {container.sizeRw !== undefined ? (
            <span data-testid="local-container-size">
              {t('containers.sizeRw', { size: format.size(container.sizeRw) })}
            </span>
          ) : null}
          {container.sizeRootFs !== undefined ? (
            <span>{t('containers.virtual', { size: format.size(container.sizeRootFs) })}</span>
          ) : null}
        </span>
      </button>
    </li>
  )
}
