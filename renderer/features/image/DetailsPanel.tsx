// The right-hand panel for the selected digest: a node of the graph, or — for a digest that is
// not in the graph (a link in a document) — the object fetched with image:object.
import { useQuery } from '@tanstack/react-query'
import { useCallback, useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { ImageGraph } from '../../../shared/api'
import { shortDigest } from '../../../shared/digest'
import { describeMediaType } from '../../../shared/oci/mediaTypes'
import { call } from '../../api/client'
import { queryKeys } from '../../api/queryKeys'
import { ErrorPanel } from '../../components/ErrorPanel'
import { LoadingBlock } from '../../components/Spinner'
import { graphRelations } from './graphRelations'
import { CommandList, DigestFact, digestKindOf, Fact, SizeFact, withBreaks } from './DetailParts'
import { JsonView } from './JsonView'
import { NodeDetails } from './NodeDetails'
import { ContainerDetails } from './ContainerDetails'
import { mediaTypeHint, rememberMediaType } from './mediaTypeHints'
import { objectExplanation, objectLabel } from './objectWords'
import { PanelResizer } from './PanelResizer'

interface DetailsPanelProps {
  readonly graph: ImageGraph
  readonly digest: string
  readonly onSelectDigest: (digest: string) => void
  readonly onClose: () => void
  /** Called with a new width when the user drags or keys the panel's left edge. */
  readonly onResize: (width: number) => void
}

export function DetailsPanel({
  graph,
  digest,
  onSelectDigest,
  onClose,
  onResize,
}: DetailsPanelProps) {
  const { t } = useTranslation('image')
  const node = graph.nodes.find((n) => n.id === digest || n.digest === digest)
  const relations = useMemo(() => graphRelations(graph), [graph])
  const digests = useMemo(() => new Set(graph.nodes.map((n) => n.digest)), [graph])
  const isInGraph = useCallback((d: string) => digests.has(d), [digests])
  const onDigest = useCallback(
    (d: string, mediaType: string | undefined) => {
      rememberMediaType(d, mediaType)
      onSelectDigest(d)
    },
    [onSelectDigest],
  )
  return (
    <aside
      className="details-panel resizable"
      data-testid="details-panel"
      aria-label={t('details.label')}
    >
      <PanelResizer onResize={onResize} />
      <button
        type="button"
        className="icon-button details-close"
        aria-label={t('details.close')}
        title={t('details.closeTitle')}
        onClick={onClose}
      >
        ×
      </button>
      {/* Scrolls under the resize handle and the close button, which stay put. */}
      <div className="details-scroll">
        {node?.kind === 'container' && graph.container ? (
          <ContainerDetails container={graph.container} />
        ) : node ? (
          <NodeDetails
            node={node}
            imageRef={graph.ref}
            relations={relations}
            isInGraph={isInGraph}
            onDigest={onDigest}
            onSelectDigest={onSelectDigest}
          />
        ) : (
          <ObjectDetails
            imageRef={graph.ref}
            digest={digest}
            isInGraph={isInGraph}
            onDigest={onDigest}
          />
        )}
      </div>
    </aside>
  )
}

interface LinkProps {
  readonly isInGraph: (digest: string) => boolean
  readonly onDigest: (digest: string, mediaType: string | undefined) => void
}

interface ObjectDetailsProps extends LinkProps {
  readonly imageRef: string
  readonly digest: string
}

function ObjectDetails({ imageRef, digest, isInGraph, onDigest }: ObjectDetailsProps) {
  const { t } = useTranslation('image')
  const mediaType = mediaTypeHint(digest)
  const object = useQuery({
    queryKey: queryKeys.object(imageRef, digest),
    queryFn: ({ signal }) =>
      call('image:object', { ref: imageRef, digest, ...(mediaType && { mediaType }) }, signal),
    staleTime: Infinity,
  })
  if (object.isPending)
    return <LoadingBlock label={t('details.fetching', { digest: shortDigest(digest, 12) })} />
  if (object.isError) {
    return (
      <>
        <header className="details-header">
          <h2 className="details-title mono">{shortDigest(digest, 12)}</h2>
        </header>
        <ErrorPanel compact error={object.error} onRetry={() => void object.refetch()} />
      </>
    )
  }
  const info = describeMediaType(object.data.mediaType)
  // A blob read without a media type is labelled by what its content showed it to be.
  const words = object.data.words ?? info.words
  const label = objectLabel(words, object.data.label ?? info.label)
  const explanation = objectExplanation(words, object.data.explanation ?? info.explanation)
  return (
    <>
      <header className="details-header">
        <h2 className="details-title">{label}</h2>
        <span className={`badge kind-badge kind-${info.kind}`}>{t('details.notInGraph')}</span>
      </header>
      <p className="details-explanation">{explanation}</p>
      <dl className="facts">
        <Fact name={t('fact.mediaType')}>
          <span className="mono wrap-words">{withBreaks(object.data.mediaType)}</span>
        </Fact>
        <DigestFact
          digest={object.data.digest}
          kind={digestKindOf(info.kind)}
          imageRef={imageRef}
        />
        <SizeFact size={object.data.size} />
      </dl>
      <section className="details-section">
        <h3>{t('details.document')}</h3>
        <JsonView text={object.data.text} isInGraph={isInGraph} onDigest={onDigest} />
      </section>
      <CommandList commands={object.data.commands} />
    </>
  )
}
