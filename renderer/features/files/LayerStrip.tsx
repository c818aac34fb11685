// The layers of the image, bottom first, plus "Merged (whole image)": each with its size,
// digest, the build steps that made it and how its index came out. Choosing one sets `layer=`
// in the URL; a layer that cannot be read shows its error here while the others stay usable.
import { useQuery } from '@tanstack/react-query'
import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'
import { shortDigest } from '../../../shared/digest'
import { call } from '../../api/client'
import { queryKeys } from '../../api/queryKeys'
import { ErrorPanel } from '../../components/ErrorPanel'
import { Link } from '../../components/Link'
import { Spinner } from '../../components/Spinner'
import { useFormat } from '../../i18n/useFormat'
import type { Route } from '../../routing/route'
import type { ImageLayerInfo } from './imageLayers'
import { LayerTocNotes } from './LayerTocNotes'

interface LayerStripProps {
  readonly imageRef: string
  /** For an index: the platform whose image these layers are. */
  readonly platform: string | undefined
  readonly layers: readonly ImageLayerInfo[]
  /** 1-based position of the selected layer; undefined = merged. */
  readonly selected: number | undefined
  readonly routeFor: (layer: string | undefined) => Route
}

export function LayerStrip({ imageRef, platform, layers, selected, routeFor }: LayerStripProps) {
  const { t } = useTranslation('files')
  const format = useFormat()
  return (
    <nav className="layer-strip" aria-label={t('layers.label')}>
      <ol className="layer-list">
        <li
          className={`layer-item${selected === undefined ? ' selected' : ''}`}
          data-testid="layer-item"
          data-position="merged"
          aria-current={selected === undefined ? 'true' : undefined}
        >
          <Link className="layer-link" to={routeFor(undefined)}>
            <span className="layer-title">{t('layers.merged')}</span>
            <span className="layer-meta muted">
              {t('layers.count', { count: layers.length })} ·{' '}
              {format.size(layers.reduce((n, l) => n + l.size, 0))}
            </span>
          </Link>
        </li>
        {layers.map((layer) => (
          <LayerItem
            key={layer.position}
            imageRef={imageRef}
            platform={platform}
            layer={layer}
            selected={selected === layer.position}
            route={routeFor(String(layer.position))}
          />
        ))}
      </ol>
    </nav>
  )
}

function LayerItem({
  imageRef,
  platform,
  layer,
  selected,
  route,
}: {
  readonly imageRef: string
  readonly platform: string | undefined
  readonly layer: ImageLayerInfo
  readonly selected: boolean
  readonly route: Route
}) {
  const index = useQuery({
    queryKey: [...queryKeys.layerIndex(imageRef, layer.digest), platform ?? ''],
    queryFn: () =>
      call('layers:index', {
        ref: imageRef,
        layer: String(layer.position),
        ...(platform !== undefined ? { platform } : {}),
      }),
    staleTime: Infinity,
    retry: false,
  })
  const { t } = useTranslation('files')
  const format = useFormat()
  const { refetch } = index
  const refresh = useCallback(() => void refetch(), [refetch])
  const steps = layer.history.length > 0 ? layer.history : [t('layers.noStep')]
  return (
    <li
      className={`layer-item${selected ? ' selected' : ''}${index.isError ? ' failed' : ''}`}
      data-testid="layer-item"
      data-position={layer.position}
      data-layer={layer.position}
      data-digest={layer.digest}
      aria-current={selected ? 'true' : undefined}
    >
      <Link className="layer-link" to={route} title={layer.digest}>
        <span className="layer-title">
          {t('layers.layer', { n: layer.position })}{' '}
          <span className="mono muted">{shortDigest(layer.digest, 12)}</span>
        </span>
        <span className="layer-meta muted">
          {[
            format.size(layer.size),
            ...(index.data
              ? [
                  // gzip and zstd are names; "none" is a word.
                  index.data.compression === 'none'
                    ? t('layers.notCompressed')
                    : index.data.compression,
                  index.data.uncompressedSize !== undefined
                    ? t('layers.unpacked', { size: format.size(index.data.uncompressedSize) })
                    : t('layers.unpackedUnknown'),
                  t('layers.entries', { count: index.data.entryCount }),
                ]
              : []),
          ].join(' · ')}
          {index.isPending ? <Spinner inline label={t('layers.indexing')} /> : null}
        </span>
        {steps.map((step, i) => (
          <span key={i} className="layer-step mono" title={step}>
            {step}
          </span>
        ))}
      </Link>
      {index.data?.toc ? (
        <LayerTocNotes imageRef={imageRef} toc={index.data.toc} refresh={refresh} />
      ) : null}
      {index.isError ? (
        <ErrorPanel error={index.error} compact onRetry={() => void index.refetch()} />
      ) : null}
    </li>
  )
}
