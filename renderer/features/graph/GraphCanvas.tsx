// The SVG drawing of a laid-out graph with d3-zoom for zoom and pan. React draws the nodes
// (focusable, with test ids); d3 shapes the edges and owns the zoom transform.
import {
  curveBasis,
  line,
  select,
  zoom,
  zoomIdentity,
  zoomTransform,
  type D3ZoomEvent,
  type ZoomBehavior,
} from 'd3'
import {
  useCallback,
  useEffect,
  useId,
  useImperativeHandle,
  useMemo,
  useRef,
  type Ref,
} from 'react'
import type { GraphNode } from '../../../shared/api'
import type { GraphLayout, PlacedNode, Point } from './layout'
import { NodeCard } from './NodeCard'

export interface GraphCanvasHandle {
  fit(): void
  zoomBy(factor: number): void
}

interface GraphCanvasProps {
  readonly layout: GraphLayout
  readonly selectedId: string | undefined
  readonly onSelect: (node: GraphNode) => void
  readonly handle: Ref<GraphCanvasHandle>
}

const FIT_PADDING = 24
const MAX_FIT_SCALE = 1.25
const edgePath = line<Point>()
  .x((p) => p.x)
  .y((p) => p.y)
  .curve(curveBasis)

export function GraphCanvas({ layout, selectedId, onSelect, handle }: GraphCanvasProps) {
  const svgRef = useRef<SVGSVGElement>(null)
  const viewportRef = useRef<SVGGElement>(null)
  const zoomRef = useRef<ZoomBehavior<SVGSVGElement, unknown> | null>(null)
  // Until the user zooms or pans, the graph stays fitted: also when the window or the details
  // panel changes the stage size, so every node stays visible (and clickable).
  const userMoved = useRef(false)
  const markerId = `arrow-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`

  useEffect(() => {
    const svg = svgRef.current
    if (!svg) return
    const behavior = zoom<SVGSVGElement, unknown>()
      .scaleExtent([0.05, 4])
      .on('zoom', (event: D3ZoomEvent<SVGSVGElement, unknown>) => {
        if (event.sourceEvent) userMoved.current = true
        if (viewportRef.current) {
          select(viewportRef.current).attr('transform', event.transform.toString())
        }
      })
    const selection = select(svg)
    selection.call(behavior).on('dblclick.zoom', null)
    zoomRef.current = behavior
    return () => {
      selection.on('.zoom', null)
      zoomRef.current = null
    }
  }, [])

  const fit = useCallback(() => {
    const svg = svgRef.current
    const behavior = zoomRef.current
    if (!svg || !behavior || layout.width === 0) return
    const { width, height } = svg.getBoundingClientRect()
    if (width === 0 || height === 0) return
    const scale = Math.min(
      MAX_FIT_SCALE,
      (width - 2 * FIT_PADDING) / layout.width,
      (height - 2 * FIT_PADDING) / layout.height,
    )
    const k = Math.max(0.05, scale)
    const tx = (width - layout.width * k) / 2
    // Top-aligned: the graph reads from the root down, like the documents it shows.
    const ty = FIT_PADDING
    behavior.transform(select(svg), zoomIdentity.translate(tx, ty).scale(k))
    userMoved.current = false
  }, [layout])

  /** Pans (never zooms) so a node is inside the visible area: for keyboard focus and links. */
  const reveal = useCallback((placed: PlacedNode) => {
    const svg = svgRef.current
    const behavior = zoomRef.current
    if (!svg || !behavior) return
    const { width, height } = svg.getBoundingClientRect()
    const t = zoomTransform(svg)
    const left = t.applyX(placed.x)
    const top = t.applyY(placed.y)
    const right = t.applyX(placed.x + placed.width)
    const bottom = t.applyY(placed.y + placed.height)
    const margin = 16
    if (left >= margin && top >= margin && right <= width - margin && bottom <= height - margin)
      return
    const cx = placed.x + placed.width / 2
    const cy = placed.y + placed.height / 2
    behavior.translateTo(select(svg), cx, cy)
  }, [])

  useImperativeHandle(
    handle,
    () => ({
      fit,
      zoomBy: (factor: number) => {
        const svg = svgRef.current
        if (!svg || !zoomRef.current) return
        zoomRef.current.scaleBy(select(svg), factor)
        userMoved.current = true
      },
    }),
    [fit],
  )

  // A new layout (another image) starts fitted to the window.
  useEffect(() => fit(), [fit])

  useEffect(() => {
    const svg = svgRef.current
    if (!svg) return
    const observer = new ResizeObserver(() => {
      if (!userMoved.current) fit()
    })
    observer.observe(svg)
    return () => observer.disconnect()
  }, [fit])

  const selectedPlaced = useMemo(
    () => layout.nodes.find((p) => p.node.id === selectedId),
    [layout, selectedId],
  )
  useEffect(() => {
    if (selectedPlaced) reveal(selectedPlaced)
  }, [selectedPlaced, reveal])

  return (
    <svg ref={svgRef} className="graph-canvas" role="group" aria-label="Image graph">
      <defs>
        <marker
          id={markerId}
          viewBox="0 0 10 10"
          refX={9}
          refY={5}
          markerWidth={7}
          markerHeight={7}
          orient="auto-start-reverse"
        >
          <path className="edge-arrow" d="M 0 0 L 10 5 L 0 10 z" />
        </marker>
      </defs>
      <g ref={viewportRef}>
        <g className="graph-edges">
          {layout.edges.map((placed) => {
            const { edge } = placed
            const touchesSelection = edge.from === selectedId || edge.to === selectedId
            return (
              <g
                key={`${edge.from}-${edge.to}-${edge.relation}-${edge.position}`}
                className={`graph-edge rel-${edge.relation}${touchesSelection ? ' highlighted' : ''}`}
              >
                <path d={edgePath([...placed.points]) ?? ''} markerEnd={`url(#${markerId})`} />
                <text
                  className="edge-label"
                  x={placed.labelAt.x}
                  y={placed.labelAt.y}
                  textAnchor="middle"
                >
                  {placed.label}
                </text>
              </g>
            )
          })}
        </g>
        <g className="graph-nodes">
          {layout.nodes.map((placed) => (
            <NodeCard
              key={placed.node.id}
              placed={placed}
              selected={placed.node.id === selectedId}
              onSelect={onSelect}
              onFocusNode={reveal}
            />
          ))}
        </g>
      </g>
    </svg>
  )
}
