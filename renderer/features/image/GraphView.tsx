// The image graph: index → manifests → config and layers, with the details panel for the
// selected node (URL `node=`). Data from image:graph; layout by dagre; drawing in GraphCanvas.
import { useQuery } from '@tanstack/react-query'
import { useCallback, useMemo, type CSSProperties, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { GraphNode } from '../../../shared/api'
import { call } from '../../api/client'
import { queryKeys } from '../../api/queryKeys'
import { ErrorPanel } from '../../components/ErrorPanel'
import { RateLimitLine } from '../../components/RateLimitLine'
import { EmptyState, LoadingBlock } from '../../components/Spinner'
import { ViewErrorBoundary } from '../../components/ViewErrorBoundary'
import { currentRoute, navigate } from '../../routing/navigation'
import { registryOfSource } from '../../routing/refs'
import { isPresenting, withoutNode } from '../../routing/route'
import { withContainerNode } from './containerNode'
import { DetailsPanel } from './DetailsPanel'
import { GraphCanvas } from './GraphCanvas'
import { GraphWarnings } from './GraphWarnings'
import { graphRelations } from './graphRelations'
import { layoutGraph } from './layout'
import { Legend } from './Legend'
import { useDetailsWidth } from './useDetailsWidth'
import { ImageViewTabs } from '../../components/ImageViewTabs'
import { sourceKindText } from '../../components/sourceKindText'
import { useLanguage } from '../../i18n/i18n'

interface GraphViewProps {
  readonly imageRef: string
  readonly selected: string | undefined
}

export function GraphView({ imageRef, selected }: GraphViewProps) {
  const { t } = useTranslation('image')
  // Edge labels and card words are measured by the layout: a new language lays it out again.
  const language = useLanguage()
  // App remounts the view when presentation mode changes, so reading the route once is enough.
  const presenting = isPresenting(currentRoute())
  const graph = useQuery({
    queryKey: queryKeys.graph(imageRef),
    queryFn: ({ signal }) => call('image:graph', { ref: imageRef }, signal),
    // A container is drawn as a node on top of its image's manifest.
    select: withContainerNode,
  })
  const layouts = useMemo(
    () =>
      graph.data
        ? {
            full: layoutGraph(graph.data, 'full'),
            compact: layoutGraph(graph.data, 'compact', presenting),
          }
        : undefined,
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the layout's words follow the language
    [graph.data, language, presenting],
  )
  const relations = useMemo(
    () => graphRelations(graph.data ?? { nodes: [], edges: [] }),
    [graph.data],
  )
  const kinds = useMemo(
    () => new Set<GraphNode['kind']>(graph.data?.nodes.map((n) => n.kind) ?? []),
    [graph.data],
  )

  const select = useCallback((digest: string | undefined) => {
    const route = withoutNode(currentRoute())
    navigate(digest ? { ...route, node: digest } : route)
  }, [])
  const onSelectNode = useCallback((node: GraphNode) => select(node.id), [select])

  const registry = registryOfSource(imageRef)
  const [detailsWidth, setDetailsWidth] = useDetailsWidth()
  // The stylesheet clamps it to the row (graph.css, .graph-body.with-details).
  const bodyStyle: CSSProperties & Record<string, string> =
    detailsWidth !== undefined ? { '--details-width': `${detailsWidth}px` } : {}

  if (graph.isPending) return <LoadingBlock label={t('view.reading', { ref: imageRef })} />
  if (graph.isError) {
    return (
      <section className="view">
        <GraphHeading imageRef={imageRef} />
        <ErrorPanel error={graph.error} host={registry} onRetry={() => void graph.refetch()} />
      </section>
    )
  }
  if (!layouts || layouts.full.nodes.length === 0) {
    return <EmptyState title={t('view.empty')} />
  }

  const data = graph.data
  return (
    <section className="view graph-view">
      <GraphHeading imageRef={data.ref} sourceLabel={sourceKindText(data.ref, data.sourceLabel)}>
        <Legend
          present={kinds}
          hasShared={[...relations.incoming.values()].some(
            (edges) => new Set(edges.map((e) => e.from)).size > 1,
          )}
          hasReferrers={data.nodes.some((n) => n.role === 'referrer')}
        />
      </GraphHeading>
      <GraphWarnings warnings={data.warnings} />
      <RateLimitLine info={data.rateLimit} />
      <div className={selected ? 'graph-body with-details' : 'graph-body'} style={bodyStyle}>
        <GraphCanvas
          layouts={layouts}
          relations={relations}
          selectedId={selected}
          onSelect={onSelectNode}
        />
        {selected ? (
          <ViewErrorBoundary resetKey={selected}>
            <DetailsPanel
              graph={data}
              digest={selected}
              onSelectDigest={select}
              onClose={() => select(undefined)}
              onResize={setDetailsWidth}
            />
          </ViewErrorBoundary>
        ) : null}
      </div>
    </section>
  )
}

interface GraphHeadingProps {
  readonly imageRef: string
  readonly sourceLabel?: string
  readonly children?: ReactNode
}

function GraphHeading({ imageRef, sourceLabel, children }: GraphHeadingProps) {
  return (
    <header className="view-header">
      <h2 className="view-title">
        <span className="view-subject mono">{imageRef}</span>
        {sourceLabel ? <span className="view-source">{sourceLabel}</span> : null}
      </h2>
      <ImageViewTabs imageRef={imageRef} current="graph" />
      {children}
    </header>
  )
}
