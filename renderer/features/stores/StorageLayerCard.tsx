// One storage layer: its three names, sizes, the directories and files it has on disk, and
// the images and containers that stand on it.
import type { ReactNode } from 'react'
import { formatBytes } from '../../../shared/format'
import type { StorageViewLayer } from '../../../shared/api/stores'
import { Link } from '../../components/Link'
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
          Layer <span className="mono">{shortId(layer.id)}</span>
        </h4>
        {layer.containerLayer ? (
          <span className="badge badge-container">container layer (writable)</span>
        ) : null}
        {layer.incomplete ? (
          <span className="badge badge-warn" title="being written, or left by an interrupted pull">
            incomplete
          </span>
        ) : null}
        <span className="storage-parent">
          {layer.parent ? (
            <>
              on{' '}
              <button
                type="button"
                className="link-button mono"
                title="Show the parent layer"
                onClick={() => onJumpToLayer(layer.parent ?? '')}
              >
                {shortId(layer.parent)}
              </button>
            </>
          ) : (
            'bottom layer (no parent)'
          )}
        </span>
      </header>
      <div className="identity-rows">
        <IdentityValue identity="storage" value={layer.id} />
        <IdentityValue
          identity="diff"
          value={layer.diffDigest}
          missing={
            layer.containerLayer
              ? 'none yet: a writable layer gets one when it is committed'
              : 'not recorded'
          }
        />
        <IdentityValue
          identity="compressed"
          value={layer.compressedDiffDigest}
          missing={
            layer.containerLayer
              ? 'none: a container’s layer was never pulled'
              : 'none: built or committed here, never pulled compressed'
          }
        />
      </div>
      {idEqualsDiffDigest(layer) ? (
        <p className="hint">
          A bottom layer’s chain ID is its diff digest, so its ID and diff agree; above it they
          differ.
        </p>
      ) : null}
      <p className="storage-sizes">{sizeLine(layer)}</p>
      <details className="storage-details" open={showDirectories}>
        <summary>On disk</summary>
        <LayerDirectories layer={layer} index={index} onJumpToLayer={onJumpToLayer} />
      </details>
      <p className="storage-users">
        <span className="storage-users-label">used by</span>
        {layer.usedByImages.length + layer.usedByContainers.length === 0 ? (
          <span className="muted">nothing: no image or container stands on it</span>
        ) : null}
        {layer.usedByImages.map((id) => {
          const image = index.images.get(id)
          return image ? (
            <Link key={id} className="chip chip-link mono" to={{ view: 'graph', ref: image.ref }}>
              {imageLabel(image)}
            </Link>
          ) : (
            <span key={id} className="chip mono">
              image {shortId(id)}
            </span>
          )
        })}
        {layer.usedByContainers.map((id) => {
          const container = index.containers.get(id)
          return (
            <span key={id} className="chip chip-container mono" title={`container ${id}`}>
              container {container ? containerLabel(container) : shortId(id)}
            </span>
          )
        })}
      </p>
    </article>
  )
}

function sizeLine(layer: StorageViewLayer): string {
  return [
    layer.diffSize !== undefined ? `uncompressed ${formatBytes(layer.diffSize)}` : undefined,
    layer.compressedSize !== undefined
      ? `compressed ${formatBytes(layer.compressedSize)}`
      : undefined,
    layer.created ? `created ${layer.created}` : undefined,
  ]
    .filter((part) => part !== undefined)
    .join(' · ')
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
  const dirs = layer.directories
  const lowers = lowerEntries(layer, index)
  return (
    <dl className="storage-dirs">
      <DirRow name="diff/" path={dirs.diff} what="the files this layer adds, changes or deletes" />
      {dirs.link ? (
        <DirRow name="link" path={dirs.link} what="holds the layer’s short name">
          {dirs.shortName ? (
            <span className="dir-extra">
              → <code>{dirs.shortName}</code> (l/{dirs.shortName} → ../{shortId(layer.id)}…/diff)
            </span>
          ) : null}
        </DirRow>
      ) : null}
      {dirs.lower ? (
        <DirRow name="lower" path={dirs.lower} what="the layers mounted beneath, topmost first">
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
        <DirRow name="lower" path={undefined} what="absent: a bottom layer has nothing beneath" />
      ) : null}
      {dirs.merged ? (
        <DirRow name="merged/" path={dirs.merged} what="where overlayfs mounts the stacked tree" />
      ) : null}
      {dirs.work ? <DirRow name="work/" path={dirs.work} what="overlayfs’s scratch space" /> : null}
      <DirRow
        name="tar-split"
        path={layer.tarSplit}
        what="the tar headers that, with diff/, rebuild the layer’s exact tar (and its diff digest)"
      />
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
