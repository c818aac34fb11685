// One image of a podman store: its ID (the config digest), names and where they moved from,
// its manifest digests, the big-data files in its directory, and its layer chain.
import { shortDigest } from '../../../shared/digest'
import { formatBytes } from '../../../shared/format'
import type { StorageViewImage } from '../../../shared/api/stores'
import { Link } from '../../components/Link'
import { PathValue } from './StorageOverview'
import { formerNames, imageLabel, shortId, type StorageIndex } from './storageModel'

interface StorageImageCardProps {
  readonly image: StorageViewImage
  readonly index: StorageIndex
  readonly onJumpToLayer: (layerId: string) => void
}

export function StorageImageCard({ image, index, onJumpToLayer }: StorageImageCardProps) {
  const titleId = `storage-image-${image.id}`
  const former = new Set(formerNames(image))
  const otherDigests = image.digests.filter((digest) => digest !== image.digest)
  return (
    <article
      className="storage-card"
      data-testid="storage-image"
      data-image-id={image.id}
      aria-labelledby={titleId}
    >
      <header className="storage-card-head">
        <h4 id={titleId} className="storage-card-title mono">
          {imageLabel(image)}
        </h4>
        <Link className="button-secondary button-small" to={{ view: 'graph', ref: image.ref }}>
          Open graph
        </Link>
      </header>
      <dl className="storage-fields">
        <dt>image ID</dt>
        <dd>
          <code className="break-all">{image.id}</code>
          <span className="hint">the digest of its config (sha256:{shortId(image.id)}…)</span>
        </dd>
        <dt>names</dt>
        <dd>
          {image.names.length > 0 ? (
            <span className="name-chips">
              {image.names.map((name) => (
                <span key={name} className="chip mono">
                  {name}
                </span>
              ))}
            </span>
          ) : (
            <span className="muted">none: an untagged (dangling) image</span>
          )}
        </dd>
        <dt>names history</dt>
        <dd>
          <span className="name-chips">
            {image.namesHistory.map((name) => (
              <span
                key={name}
                className={former.has(name) ? 'chip mono name-former' : 'chip mono'}
                title={former.has(name) ? 'this name has since moved to another image' : undefined}
              >
                {name}
                {former.has(name) ? ' (moved away)' : ''}
              </span>
            ))}
          </span>
          <span className="hint">every name it has had, newest first</span>
        </dd>
        <dt>manifest digest</dt>
        <dd>
          {image.digest ? <code className="break-all">{image.digest}</code> : <span>—</span>}
          {otherDigests.length > 0 ? (
            <span className="hint">
              also: {otherDigests.map((digest) => shortDigest(digest)).join(', ')}
            </span>
          ) : null}
        </dd>
        {image.created ? (
          <>
            <dt>created</dt>
            <dd>{image.created}</dd>
          </>
        ) : null}
        <dt>directory</dt>
        <dd>
          <PathValue path={image.directory} what="image directory" />
        </dd>
      </dl>
      <details className="storage-details">
        <summary>Big-data files ({image.bigData.length}): manifests, config, signatures</summary>
        <ul className="bigdata-list">
          {image.bigData.map((entry) => (
            <li key={entry.key}>
              <span className="bigdata-key mono">{entry.key}</span>
              <span className="bigdata-meta">
                {entry.size !== undefined ? formatBytes(entry.size) : ''}
                {entry.digest ? ` · ${shortDigest(entry.digest)}` : ''}
              </span>
              <code className="bigdata-path">{entry.path}</code>
            </li>
          ))}
        </ul>
        <p className="hint">
          Keys that are not safe file names are stored base64-encoded, after an “=”.
        </p>
      </details>
      <div className="storage-chain">
        <h5 className="storage-subheading">Layer chain, bottom → top</h5>
        <ol className="chain-list">
          {image.layerIds.map((layerId) => {
            const layer = index.layers.get(layerId)
            return (
              <li key={layerId}>
                <button
                  type="button"
                  className="link-button mono"
                  title="Show this layer"
                  onClick={() => onJumpToLayer(layerId)}
                >
                  {shortId(layerId)}
                </button>
                {layer?.diffDigest ? (
                  <span className="chain-diff identity-diff">
                    <span className="identity-tag">diff</span> {shortDigest(layer.diffDigest)}
                  </span>
                ) : null}
              </li>
            )
          })}
        </ol>
      </div>
    </article>
  )
}
