// One image of a podman store: its ID (the config digest), names and where they moved from,
// its manifest digests, the big-data files in its directory, and its layer chain.
import { useTranslation } from 'react-i18next'
import { shortDigest } from '../../../shared/digest'
import type { StorageViewImage } from '../../../shared/api/stores'
import { Link } from '../../components/Link'
import { useFormat } from '../../i18n/useFormat'
import { identityText } from './layerIdentities'
import { PathValue } from './StorageOverview'
import { formerNames, imageLabel, shortId, type StorageIndex } from './storageModel'

interface StorageImageCardProps {
  readonly image: StorageViewImage
  readonly index: StorageIndex
  readonly onJumpToLayer: (layerId: string) => void
}

export function StorageImageCard({ image, index, onJumpToLayer }: StorageImageCardProps) {
  const { t } = useTranslation('stores')
  const format = useFormat()
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
          {t('image.openGraph')}
        </Link>
      </header>
      <dl className="storage-fields">
        <dt>{t('image.id')}</dt>
        <dd>
          <code className="break-all">{image.id}</code>
          <span className="hint">{t('image.idHint', { short: shortId(image.id) })}</span>
        </dd>
        <dt>{t('image.names')}</dt>
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
            <span className="muted">{t('image.noNames')}</span>
          )}
        </dd>
        <dt>{t('image.namesHistory')}</dt>
        <dd>
          <span className="name-chips">
            {image.namesHistory.map((name) => (
              <span
                key={name}
                className={former.has(name) ? 'chip mono name-former' : 'chip mono'}
                title={former.has(name) ? t('image.movedTitle') : undefined}
              >
                {name}
                {former.has(name) ? t('image.moved') : ''}
              </span>
            ))}
          </span>
          <span className="hint">{t('image.namesHistoryHint')}</span>
        </dd>
        <dt>{t('image.manifestDigest')}</dt>
        <dd>
          {image.digest ? <code className="break-all">{image.digest}</code> : <span>—</span>}
          {otherDigests.length > 0 ? (
            <span className="hint">
              {t('image.also', {
                digests: otherDigests.map((digest) => shortDigest(digest)).join(', '),
              })}
            </span>
          ) : null}
        </dd>
        {image.created ? (
          <>
            <dt>{t('image.created')}</dt>
            <dd>{format.dateTime(image.created)}</dd>
          </>
        ) : null}
        <dt>{t('image.directory')}</dt>
        <dd>
          <PathValue path={image.directory} what={t('image.directoryWhat')} />
        </dd>
      </dl>
      <details className="storage-details">
        <summary>{t('image.bigData', { count: image.bigData.length })}</summary>
        <ul className="bigdata-list">
          {image.bigData.map((entry) => (
            <li key={entry.key}>
              <span className="bigdata-key mono">{entry.key}</span>
              <span className="bigdata-meta">
                {entry.size !== undefined ? format.size(entry.size) : ''}
                {entry.digest ? ` · ${shortDigest(entry.digest)}` : ''}
              </span>
              <code className="bigdata-path">{entry.path}</code>
            </li>
          ))}
        </ul>
        <p className="hint">{t('image.bigDataHint')}</p>
      </details>
      <div className="storage-chain">
        <h5 className="storage-subheading">{t('image.chain')}</h5>
        <ol className="chain-list">
          {image.layerIds.map((layerId) => {
            const layer = index.layers.get(layerId)
            return (
              <li key={layerId}>
                <button
                  type="button"
                  className="link-button mono"
                  title={t('image.showLayer')}
                  onClick={() => onJumpToLayer(layerId)}
                >
                  {shortId(layerId)}
                </button>
                {layer?.diffDigest ? (
                  <span className="chain-diff identity-diff">
                    <span className="identity-tag">{identityText('diff').tag}</span>{' '}
                    {shortDigest(layer.diffDigest)}
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
