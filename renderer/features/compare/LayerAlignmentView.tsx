// Layers side by side from the bottom: the shared prefix both images build on, then what only
// one side has, and layers present on both sides but at different places ("moved").
import type { AlignedLayer, LayerAlignment } from '../../../shared/api/compare'
import { shortDigest } from '../../../shared/digest'
import { formatBytes } from '../../../shared/format'

export function LayerAlignmentView({ layers }: { readonly layers: LayerAlignment }) {
  return (
    <section className="compare-section" data-testid="compare-layers">
      <h3>Layers</h3>
      <p className="hint">
        Shared: {layers.sharedPrefix.length} layer{layers.sharedPrefix.length === 1 ? '' : 's'} (
        {formatBytes(layers.sharedBytes)}) · only left: {formatBytes(layers.onlyLeftBytes)} · only
        right: {formatBytes(layers.onlyRightBytes)}
      </p>
      <table className="diff-table layer-diff">
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">Left</th>
            <th scope="col">Right</th>
            <th scope="col">How</th>
          </tr>
        </thead>
        <tbody>
          {layers.sharedPrefix.map(({ left, right, match }) => (
            <tr
              key={`s${left.position}`}
              className="diff-same"
              data-testid="compare-layer"
              data-status="shared"
            >
              <td>{left.position + 1}</td>
              <LayerCell layer={left} />
              <LayerCell layer={right} />
              <td>{match === 'digest' ? 'same layer' : 'same content, other compression'}</td>
            </tr>
          ))}
          <SideRows rows={layers.movedLeft} side="left" status="moved" />
          <SideRows rows={layers.movedRight} side="right" status="moved" />
          <SideRows rows={layers.onlyLeft} side="left" status="only-left" />
          <SideRows rows={layers.onlyRight} side="right" status="only-right" />
        </tbody>
      </table>
    </section>
  )
}

function SideRows({
  rows,
  side,
  status,
}: {
  readonly rows: readonly AlignedLayer[]
  readonly side: 'left' | 'right'
  readonly status: 'moved' | 'only-left' | 'only-right'
}) {
  const cls = status === 'moved' ? 'diff-changed' : side === 'left' ? 'diff-removed' : 'diff-added'
  const how =
    status === 'moved'
      ? `also on the ${side === 'left' ? 'right' : 'left'}, at another place`
      : `only ${side}`
  return (
    <>
      {rows.map((layer) => (
        <tr
          key={`${status}${side}${layer.position}`}
          className={cls}
          data-testid="compare-layer"
          data-status={status}
        >
          <td>{layer.position + 1}</td>
          {side === 'left' ? <LayerCell layer={layer} /> : <td className="muted">—</td>}
          {side === 'right' ? <LayerCell layer={layer} /> : <td className="muted">—</td>}
          <td>{how}</td>
        </tr>
      ))}
    </>
  )
}

function LayerCell({ layer }: { readonly layer: AlignedLayer }) {
  return (
    <td
      className="mono"
      title={`${layer.digest}\n${layer.mediaType}${layer.diffId ? `\ndiff ID ${layer.diffId}` : ''}`}
    >
      {shortDigest(layer.digest, 12)} <span className="muted">{formatBytes(layer.size)}</span>
    </td>
  )
}
