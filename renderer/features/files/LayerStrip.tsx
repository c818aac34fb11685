// The layers of the image, bottom first, plus "Merged (whole image)": each with its size,
// digest, the build steps that made it and how its index came out. Choosing one sets `layer=`
// in the URL; a layer that cannot be read shows its error here while the others stay usable.
import { useQuery } from '@tanstack/react-query'
import { shortDigest } from '../../../shared/digest'
import { formatBytes } from '../../../shared/format'
import { call } from '../../api/client'
import { queryKeys } from '../../api/queryKeys'
import { ErrorPanel } from '../../components/ErrorPanel'
import { Link } from '../../components/Link'
import { Spinner } from '../../components/Spinner'
import type { Route } from '../../routing/route'
import { countText } from './fileFormat'
import type { ImageLayerInfo } from './imageLayers'

const LAYER_WORDS = { one: 'layer', other: 'layers' } as const
const ENTRY_WORDS = { one: 'entry', other: 'entries' } as const

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
  return (
    <nav className="layer-strip" aria-label="Layers">
      <ol className="layer-list">
        <li
          className={`layer-item${selected === undefined ? ' selected' : ''}`}
          data-testid="layer-item"
          data-position="merged"
          aria-current={selected === undefined ? 'true' : undefined}
        >
          <Link className="layer-link" to={routeFor(undefined)}>
            <span className="layer-title">Merged (whole image)</span>
            <span className="layer-meta muted">
              {countText(layers.length, LAYER_WORDS)} ·{' '}
              {formatBytes(layers.reduce((n, l) => n + l.size, 0))}
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
  const steps = layer.history.length > 0 ? layer.history : ['(no build step recorded)']
  return (
    <li
      className={`layer-item${selected ? ' selected' : ''}${index.isError ? ' failed' : ''}`}
      data-testid="layer-item"
      data-position={layer.position}
      data-digest={layer.digest}
      aria-current={selected ? 'true' : undefined}
    >
      <Link className="layer-link" to={route} title={layer.digest}>
        <span className="layer-title">
          Layer {layer.position} <span className="mono muted">{shortDigest(layer.digest, 12)}</span>
        </span>
        <span className="layer-meta muted">
          {formatBytes(layer.size)}
          {index.data
            ? ` · ${index.data.compression} · ${formatBytes(index.data.uncompressedSize)} unpacked · ${countText(index.data.entryCount, ENTRY_WORDS)}`
            : ''}
          {index.isPending ? <Spinner inline label="indexing…" /> : null}
        </span>
        {steps.map((step, i) => (
          <span key={i} className="layer-step mono" title={step}>
            {step}
          </span>
        ))}
      </Link>
      {index.isError ? (
        <ErrorPanel error={index.error} compact onRetry={() => void index.refetch()} />
      ) : null}
    </li>
  )
}
