// The store's containers (each with its writable layer) and overlay's l/ directory of short
// names.
import { useTranslation } from 'react-i18next'
import type { StorageShortLink, StorageViewContainer } from '../../../shared/api/stores'
import { useFormat } from '../../i18n/useFormat'
import { containerLabel, imageLabel, shortId, type StorageIndex } from './storageModel'

interface TableProps {
  readonly index: StorageIndex
  readonly onJumpToLayer: (layerId: string) => void
}

function LayerButton({
  id,
  onJump,
}: {
  readonly id: string
  readonly onJump: (id: string) => void
}) {
  return (
    <button type="button" className="link-button mono" title={id} onClick={() => onJump(id)}>
      {shortId(id)}
    </button>
  )
}

export function ContainersTable({
  containers,
  index,
  onJumpToLayer,
}: TableProps & { readonly containers: readonly StorageViewContainer[] }) {
  const { t } = useTranslation('stores')
  const format = useFormat()
  return (
    <table className="storage-table">
      <caption className="sr-only">{t('tables.containersCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('tables.container')}</th>
          <th scope="col">{t('tables.id')}</th>
          <th scope="col">{t('tables.image')}</th>
          <th scope="col">{t('tables.writableLayer')}</th>
          <th scope="col">{t('tables.created')}</th>
        </tr>
      </thead>
      <tbody>
        {containers.map((container) => {
          const image = index.images.get(container.image)
          return (
            <tr key={container.id} data-testid="storage-container">
              <td className="mono">{containerLabel(container)}</td>
              <td className="mono" title={container.id}>
                {shortId(container.id)}
              </td>
              <td className="mono">{image ? imageLabel(image) : shortId(container.image)}</td>
              <td>
                <LayerButton id={container.layer} onJump={onJumpToLayer} />
              </td>
              <td>{container.created ? format.dateTime(container.created) : '—'}</td>
            </tr>
          )
        })}
      </tbody>
    </table>
  )
}

export function ShortLinksTable({
  links,
  onJumpToLayer,
}: {
  readonly links: readonly StorageShortLink[]
  readonly onJumpToLayer: (layerId: string) => void
}) {
  const { t } = useTranslation('stores')
  return (
    <table className="storage-table">
      <caption className="sr-only">{t('tables.linksCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('tables.linkName')}</th>
          <th scope="col">{t('tables.pointsTo')}</th>
          <th scope="col">{t('tables.layer')}</th>
        </tr>
      </thead>
      <tbody>
        {links.map((link) => (
          <tr key={link.name} data-testid="storage-short-link">
            <td className="mono">{link.name}</td>
            <td className="mono break-all">{link.target}</td>
            <td>
              {link.layerId ? (
                <LayerButton id={link.layerId} onJump={onJumpToLayer} />
              ) : (
                <span className="muted">{t('tables.notALayer')}</span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
