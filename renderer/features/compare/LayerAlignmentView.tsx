// Layers side by side from the bottom: the shared prefix both images build on, then what only
// one side has, and layers present on both sides but at different places ("moved").
import { useTranslation } from 'react-i18next'
import type { AlignedLayer, LayerAlignment } from '../../../shared/api/compare'
import { DigestLink } from '../../components/DigestLink'
import { useFormat } from '../../i18n/useFormat'

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
  const { t } = useTranslation('compare')
  const format = useFormat()
  return (
    <section className="compare-section" data-testid="compare-layers">
      <h3>{t('layers.title')}</h3>
      <p className="hint">
        {t('layers.summary', {
          layers: t('layers.count', { count: layers.sharedPrefix.length }),
          shared: format.size(layers.sharedBytes),
          left: format.size(layers.onlyLeftBytes),
          right: format.size(layers.onlyRightBytes),
        })}
      </p>
      <table className="diff-table layer-diff">
        <thead>
          <tr>
            <th scope="col">{t('layers.position')}</th>
            <th scope="col">{t('layers.left')}</th>
            <th scope="col">{t('layers.right')}</th>
            <th scope="col">{t('layers.how')}</th>
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
                  ? t('layers.sameLayer')
                  : match === 'diffId'
                    ? t('layers.sameContent')
                    : t('layers.sameFiles')}
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
  const { t } = useTranslation('compare')
  const cls = status === 'moved' ? 'diff-changed' : side === 'left' ? 'diff-removed' : 'diff-added'
  const how =
    status === 'moved'
      ? side === 'left'
        ? t('layers.alsoRight')
        : t('layers.alsoLeft')
      : side === 'left'
        ? t('layers.onlyLeft')
        : t('layers.onlyRight')
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
  const { t } = useTranslation('compare')
  const format = useFormat()
  return (
    <td
      className="mono"
      data-layer={layer.position + 1}
      title={[
        layer.mediaType,
        ...(layer.diffId ? [t('layers.diffId', { diffId: layer.diffId })] : []),
      ].join('\n')}
    >
      <DigestLink
        digest={layer.digest}
        kind="layer"
        imageRef={image.ref}
        {...(image.platform !== undefined ? { platform: image.platform } : {})}
        testId="compare-layer-digest"
      />{' '}
      <span className="muted">{format.size(layer.size)}</span>
    </td>
  )
}
