// The store's containers (each with its writable layer) and overlay's l/ directory of short
// names.
import type { StorageShortLink, StorageViewContainer } from '../../../shared/api/stores'
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
  return (
    <table className="storage-table">
      <caption className="sr-only">Containers and their writable layers</caption>
      <thead>
        <tr>
          <th scope="col">container</th>
          <th scope="col">ID</th>
          <th scope="col">image</th>
          <th scope="col">writable layer</th>
          <th scope="col">created</th>
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
              <td>{container.created ?? '—'}</td>
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
  return (
    <table className="storage-table">
      <caption className="sr-only">
        Short names in l/ and the layer directories they point to
      </caption>
      <thead>
        <tr>
          <th scope="col">l/ name</th>
          <th scope="col">points to</th>
          <th scope="col">layer</th>
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
                <span className="muted">not a layer</span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
