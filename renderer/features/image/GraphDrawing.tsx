// The SVG content of a laid-out graph: edges (with the JSON field they come from) under node
// cards. The node or edge under the pointer, keyboard focus or selection lights up with its
// neighbours; the rest dims. Compact drawings label only the lit edges. Memoized: zooming and
// panning never re-render it.
import { curveBasis, curveMonotoneX, line } from 'd3'
import { memo, useMemo, type Ref } from 'react'
import type { GraphNode } from '../../../shared/api'
import { useLanguage } from '../../i18n/i18n'
import { neighbourhood, type GraphRelations } from './graphRelations'
import type { GraphLayout, PlacedEdge, PlacedNode, Point } from './layout'
import { NodeCard, type Emphasis } from './NodeCard'
import { cardBadges } from './nodeText'

interface GraphDrawingProps {
  readonly layout: GraphLayout
  readonly relations: GraphRelations
  readonly selectedId: string | undefined
  /** The node whose neighbourhood is lit: hovered, else focused, else selected. */
  readonly activeId: string | undefined
  readonly markerId: string
  readonly viewportRef: Ref<SVGGElement>
  readonly onSelect: (node: GraphNode) => void
  readonly onFocusNode: (placed: PlacedNode, byKeyboard: boolean) => void
  readonly onHover: (id: string | undefined) => void
}

const enginePath = line<Point>()
  .x((p) => p.x)
  .y((p) => p.y)
  .curve(curveBasis)
/** Passes through every point and keeps level runs level: the label band stays straight. */
const routedPath = line<Point>()
  .x((p) => p.x)
  .y((p) => p.y)
  .curve(curveMonotoneX)

/** Marker id suffixes: the plain arrow and the lit one. */
const MARKER_SUFFIXES = ['', '-lit'] as const

function edgeClass(activeId: string | undefined, lit: boolean): string {
  if (!activeId) return ''
  return lit ? ' highlighted' : ' dimmed'
}

function edgePath(placed: PlacedEdge): string {
  return (placed.routed ? routedPath : enginePath)([...placed.points]) ?? ''
}

function emphasisOf(
  id: string,
  activeId: string | undefined,
  lit: ReadonlySet<string> | undefined,
): Emphasis {
  if (!activeId || !lit) return 'none'
  if (id === activeId) return 'active'
  return lit.has(id) ? 'neighbour' : 'dimmed'
}

export const GraphDrawing = memo(function GraphDrawing({
  layout,
  relations,
  selectedId,
  activeId,
  markerId,
  viewportRef,
  onSelect,
  onFocusNode,
  onHover,
}: GraphDrawingProps) {
  // Badge words are in the chosen language: a switch builds them again.
  const language = useLanguage()
  const badges = useMemo(
    () => new Map(layout.nodes.map((p) => [p.node.id, cardBadges(relations, p.node)])),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the words follow the language
    [layout, relations, language],
  )
  const lit = useMemo(
    () => (activeId ? neighbourhood(relations, activeId) : undefined),
    [relations, activeId],
  )
  const touches = (placed: PlacedEdge): boolean =>
    activeId !== undefined && (placed.edge.from === activeId || placed.edge.to === activeId)
  // Lit edges are drawn last, so they run over the dimmed ones.
  const edges = activeId
    ? [...layout.edges.filter((e) => !touches(e)), ...layout.edges.filter(touches)]
    : layout.edges
  // Several manifests listing one shared layer at the same position: say "layers[0]" once,
  // on a lit edge when there is one.
  const compact = layout.density === 'compact'
  const labelled = new Set<PlacedEdge>()
  const seen = new Set<string>()
  for (const placed of [...edges].reverse()) {
    if (compact && !touches(placed)) continue
    const key = `${placed.edge.to}|${placed.label}`
    if (seen.has(key)) continue
    seen.add(key)
    labelled.add(placed)
  }

  return (
    <>
      <defs>
        {MARKER_SUFFIXES.map((suffix) => (
          <marker
            key={suffix}
            id={`${markerId}${suffix}`}
            viewBox="0 0 10 10"
            refX={9}
            refY={5}
            markerWidth={6}
            markerHeight={6}
            orient="auto-start-reverse"
          >
            <path className={`edge-arrow${suffix ? ' lit' : ''}`} d="M 0 0 L 10 5 L 0 10 z" />
          </marker>
        ))}
      </defs>
      <g ref={viewportRef}>
        <g className="graph-edges">
          {edges.map((placed) => {
            const { edge } = placed
            const lit = touches(placed)
            const state = edgeClass(activeId, lit)
            return (
              <g
                key={`${edge.from}-${edge.to}-${edge.relation}-${edge.position}`}
                className={`graph-edge rel-${edge.relation}${state}`}
                data-from={edge.from}
                data-to={edge.to}
              >
                <path d={edgePath(placed)} markerEnd={`url(#${markerId}${lit ? '-lit' : ''})`} />
                {labelled.has(placed) ? (
                  <text
                    className="edge-label"
                    x={placed.labelAt.x}
                    y={placed.labelAt.y - 6}
                    textAnchor="end"
                  >
                    {placed.label}
                  </text>
                ) : null}
              </g>
            )
          })}
        </g>
        <g className="graph-nodes">
          {layout.nodes.map((placed) => (
            <NodeCard
              key={placed.node.id}
              placed={placed}
              badges={badges.get(placed.node.id) ?? []}
              compact={compact}
              short={layout.presenting}
              selected={placed.node.id === selectedId}
              emphasis={emphasisOf(placed.node.id, activeId, lit)}
              onSelect={onSelect}
              onFocusNode={onFocusNode}
              onHover={onHover}
            />
          ))}
        </g>
      </g>
    </>
  )
})
