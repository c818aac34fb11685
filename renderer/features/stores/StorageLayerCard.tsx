// One storage layer: its three names, sizes, the directories and files it has on disk, and
// the images and containers that stand on it.
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { TFunction } from 'i18next'
import type { StorageViewLayer } from '../../../shared/api/stores'
import { Link } from '../../components/Link'
import { useFormat, type Formatters } from '../../i18n/useFormat'
import { IdentityValue } from './IdentityValue'
import {
  containerLabel,
  idEqualsDiffDigest,
  imageLabel,
  lowerEntries,
  shortId,
  type StorageIndex,
} from './storageModel'

interface StorageLayerCardProps {
  readonly layer: StorageViewLayer
  readonly index: StorageIndex
  readonly onJumpToLayer: (layerId: string) => void
  /** Open the "on disk" part at first (small stores). */
  readonly showDirectories: boolean
}

export function StorageLayerCard({
  layer,
  index,
  onJumpToLayer,
  showDirectories,
}: StorageLayerCardProps) {
  const { t } = useTranslation('stores')
  const format = useFormat()
  const titleId = `storage-layer-title-${layer.id}`
  const classes = ['storage-card', 'storage-layer', layer.containerLayer ? 'container-layer' : '']
  return (
    <article
      id={layerElementId(layer.id)}
      className={classes.join(' ')}
      tabIndex={-1}
      data-testid="storage-layer"
      data-layer-id={layer.id}
      data-diff-digest={layer.diffDigest}
      aria-labelledby={titleId}
    >
      <header className="storage-card-head">
        <h4 id={titleId} className="storage-card-title">
          {t('layer.title')} <span className="mono">{shortId(layer.id)}</span>
        </h4>
        {layer.containerLayer ? (
          <span className="badge badge-container">{t('layer.containerLayer')}</span>
        ) : null}
        {layer.incomplete ? (
          <span className="badge badge-warn" title={t('layer.incompleteTitle')}>
            {t('layer.incomplete')}
          </span>
        ) : null}
        <span className="storage-parent">
          {layer.parent ? (
            <>
              {t('layer.on')}{' '}
              <button
                type="button"
                className="link-button mono"
                title={t('layer.showParent')}
                onClick={() => onJumpToLayer(layer.parent ?? '')}
              >
                {shortId(layer.parent)}
              </button>
            </>
          ) : (
            t('layer.bottom')
          )}
        </span>
      </header>
      <div className="identity-rows">
        <IdentityValue identity="storage" value={layer.id} />
        <IdentityValue
          identity="diff"
          value={layer.diffDigest}
          missing={layer.containerLayer ? t('layer.noDiffYet') : t('identity.notRecorded')}
        />
        <IdentityValue
          identity="compressed"
          value={layer.compressedDiffDigest}
          missing={layer.containerLayer ? t('layer.neverPulledContainer') : t('layer.neverPulled')}
        />
      </div>
      {idEqualsDiffDigest(layer) ? <p className="hint">{t('layer.idIsDiff')}</p> : null}
      <p className="storage-sizes">{sizeLine(layer, t, format)}</p>
      <details className="storage-details" open={showDirectories}>
        <summary>{t('layer.onDisk')}</summary>
        <LayerDirectories layer={layer} index={index} onJumpToLayer={onJumpToLayer} />
      </details>
      <p className="storage-users">
        <span className="storage-users-label">{t('layer.usedBy')}</span>
        {layer.usedByImages.length + layer.usedByContainers.length === 0 ? (
          <span className="muted">{t('layer.unused')}</span>
        ) : null}
        {layer.usedByImages.map((id) => {
          const image = index.images.get(id)
          return image ? (
            <Link key={id} className="chip chip-link mono" to={{ view: 'graph', ref: image.ref }}>
              {imageLabel(image)}
            </Link>
          ) : (
            <span key={id} className="chip mono">
              {t('layer.usedByImage', { id: shortId(id) })}
            </span>
          )
        })}
        {layer.usedByContainers.map((id) => {
          const container = index.containers.get(id)
          return (
            <span
              key={id}
              className="chip chip-container mono"
              title={t('layer.containerTitle', { id })}
            >
              {t('layer.usedByContainer', {
                name: container ? containerLabel(container) : shortId(id),
              })}
            </span>
          )
        })}
      </p>
    </article>
  )
}

function sizeLine(layer: StorageViewLayer, t: TFunction<'stores'>, format: Formatters): string {
  return [
    layer.diffSize !== undefined
      ? t('layer.uncompressed', { size: format.size(layer.diffSize) })
      : undefined,
    layer.compressedSize !== undefined
      ? t('layer.compressed', { size: format.size(layer.compressedSize) })
      : undefined,
    layer.created ? t('layer.created', { when: format.dateTime(layer.created) }) : undefined,
  ]
    .filter((part) => part !== undefined)
    .join(' · ')
}

const ARROW = '→'

/** "(l/NAME → ../0123abcd…/diff)": where overlay's short link points; paths, not words. */
function shortLinkPath(shortName: string, layerId: string): string {
  return `(l/${shortName} → ../${shortId(layerId)}…/diff)`
}

export function layerElementId(layerId: string): string {
  return `storage-layer-${layerId}`
}

function LayerDirectories({
  layer,
  index,
  onJumpToLayer,
}: {
  readonly layer: StorageViewLayer
  readonly index: StorageIndex
  readonly onJumpToLayer: (layerId: string) => void
}) {
  const { t } = useTranslation('stores')
  const dirs = layer.directories
  const lowers = lowerEntries(layer, index)
  return (
    <dl className="storage-dirs">
      <DirRow name="diff/" path={dirs.diff} what={t('dirs.diff')} />
      {dirs.link ? (
        <DirRow name="link" path={dirs.link} what={t('dirs.link')}>
          {dirs.shortName ? (
            <span className="dir-extra">
              {ARROW} <code>{dirs.shortName}</code> {shortLinkPath(dirs.shortName, layer.id)}
            </span>
          ) : null}
        </DirRow>
      ) : null}
      {dirs.lower ? (
        <DirRow name="lower" path={dirs.lower} what={t('dirs.lower')}>
          <span className="dir-extra lower-list">
            {lowers.map((entry) => (
              <span key={entry.link}>
                <code>{entry.link}</code>
                {entry.layerId ? (
                  <>
                    {' → '}
                    <button
                      type="button"
                      className="link-button mono"
                      onClick={() => onJumpToLayer(entry.layerId ?? '')}
                    >
                      {shortId(entry.layerId)}
                    </button>
                  </>
                ) : null}
              </span>
            ))}
          </span>
        </DirRow>
      ) : dirs.link ? (
        <DirRow name="lower" path={undefined} what={t('dirs.noLower')} />
      ) : null}
      {dirs.merged ? <DirRow name="merged/" path={dirs.merged} what={t('dirs.merged')} /> : null}
      {dirs.work ? <DirRow name="work/" path={dirs.work} what={t('dirs.work')} /> : null}
      <DirRow name="tar-split" path={layer.tarSplit} what={t('dirs.tarSplit')} />
    </dl>
  )
}

function DirRow({
  name,
  path,
  what,
  children,
}: {
  readonly name: string
  readonly path: string | undefined
  readonly what: string
  readonly children?: ReactNode
}) {
  return (
    <div className="dir-row">
      <dt className="mono">{name}</dt>
      <dd>
        {path !== undefined ? <code className="dir-path">{path}</code> : null}
        <span className="hint">{what}</span>
        {children}
      </dd>
    </div>
  )
}
