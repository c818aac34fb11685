// Layers side by side from the bottom: the shared prefix both images build on, then what only
// one side has, and layers present on both sides but at different places ("moved").
import type { AlignedLayer, LayerAlignment } from '../../../shared/api/compare'
import { formatBytes } from '../../../shared/format'
import { DigestLink } from '../../components/DigestLink'

/** The image a side's layers belong to (its layer links open that image's files). */
interface SideImage {
  readonly ref: string
  readonly platform?: string
}

interface LayerAlignmentViewProps {
  readonly layers: LayerAlignment
  readonly left: SideImage
  readonly right: SideImage
}

export function LayerAlignmentView({
  layers,
  left: leftImage,
  right: rightImage,
}: LayerAlignmentViewProps) {
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
              <LayerCell layer={left} image={leftImage} />
              <LayerCell layer={right} image={rightImage} />
              <td>
                {match === 'digest'
                  ? 'same layer'
                  : match === 'diffId'
                    ? 'same content, other compression'
                    : 'same files, other times or compression'}
              </td>
            </tr>
          ))}
          <SideRows rows={layers.movedLeft} side="left" status="moved" image={leftImage} />
          <SideRows rows={layers.movedRight} side="right" status="moved" image={rightImage} />
          <SideRows rows={layers.onlyLeft} side="left" status="only-left" image={leftImage} />
          <SideRows rows={layers.onlyRight} side="right" status="only-right" image={rightImage} />
        </tbody>
      </table>
    </section>
  )
}

function SideRows({
  rows,
  side,
  status,
  image,
}: {
  readonly rows: readonly AlignedLayer[]
  readonly side: 'left' | 'right'
  readonly status: 'moved' | 'only-left' | 'only-right'
  readonly image: SideImage
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
          {side === 'left' ? (
            <LayerCell layer={layer} image={image} />
          ) : (
            <td className="muted">—</td>
          )}
          {side === 'right' ? (
            <LayerCell layer={layer} image={image} />
          ) : (
            <td className="muted">—</td>
          )}
          <td>{how}</td>
        </tr>
      ))}
    </>
  )
}

function LayerCell({ layer, image }: { readonly layer: AlignedLayer; readonly image: SideImage }) {
  return (
    <td
      className="mono"
      title={`${layer.mediaType}${layer.diffId ? `\ndiff ID ${layer.diffId}` : ''}`}
    >
      <DigestLink
        digest={layer.digest}
        kind="layer"
        imageRef={image.ref}
        {...(image.platform !== undefined ? { platform: image.platform } : {})}
        testId="compare-layer-digest"
      />{' '}
      <span className="muted">{formatBytes(layer.size)}</span>
    </td>
  )
}
