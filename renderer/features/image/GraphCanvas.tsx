// The graph's window: fits the drawing at a readable scale, pans and zooms (mouse, trackpad,
// keys), keeps the selected or focused node in view, and shows the zoom controls.
import {
  useCallback,
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
} from 'react'
import type { GraphNode } from '../../../shared/api'
import { GraphDrawing } from './GraphDrawing'
import type { GraphRelations } from './graphRelations'
import type { GraphLayout, PlacedNode } from './layout'
import { usePanZoom } from './usePanZoom'
import { fitTransform, revealTransform, rootNeighbourhood, type Box } from './viewFit'

interface GraphCanvasProps {
  readonly layout: GraphLayout
  readonly relations: GraphRelations
  readonly rootId: string
  readonly selectedId: string | undefined
  readonly onSelect: (node: GraphNode) => void
}

const KEY_PAN = 80
const KEY_ZOOM = 1.25

export function GraphCanvas({ layout, relations, rootId, selectedId, onSelect }: GraphCanvasProps) {
  const stageRef = useRef<HTMLDivElement>(null)
  const svgRef = useRef<SVGSVGElement>(null)
  const viewportRef = useRef<SVGGElement>(null)
  const markerId = `arrow-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`
  const [percent, setPercent] = useState(100)
  const onScale = useCallback((k: number) => setPercent(Math.round(k * 100)), [])
  const panZoom = usePanZoom({ stage: stageRef, svg: svgRef, viewport: viewportRef, onScale })

  const [hovered, setHovered] = useState<string>()
  const [focused, setFocused] = useState<string>()
  const activeId = hovered ?? focused ?? selectedId

  const selectedPlaced = useMemo(
    () => layout.nodes.find((p) => p.node.id === selectedId || p.node.digest === selectedId),
    [layout, selectedId],
  )

  /** Pans (never zooms) so a node is inside the visible area. */
  const reveal = useCallback(
    (box: Box) => {
      panZoom.flushScroll()
      const moved = revealTransform(panZoom.current(), box, panZoom.viewSize())
      if (moved) panZoom.setTransform(moved, false)
    },
    [panZoom],
  )

  const fit = useCallback(() => {
    const view = panZoom.viewSize()
    if (view.width === 0 || layout.width === 0) return
    const fitted = fitTransform(layout, view, rootNeighbourhood(layout, rootId))
    const root = layout.nodes.find((p) => p.node.id === rootId)
    panZoom.setTransform((root && revealTransform(fitted, root, view)) || fitted, true)
  }, [panZoom, layout, rootId])

  /** The automatic fit (new graph, resized window) still shows the selected node. */
  const autoFit = useCallback(() => {
    fit()
    if (selectedPlaced) reveal(selectedPlaced)
  }, [fit, reveal, selectedPlaced])
  const autoFitRef = useRef(autoFit)
  useLayoutEffect(() => {
    autoFitRef.current = autoFit
  }, [autoFit])

  // A new layout (another image) starts fitted to the window, before the first paint.
  useLayoutEffect(() => autoFitRef.current(), [layout])

  useEffect(() => {
    const svg = svgRef.current
    if (!svg) return
    const observer = new ResizeObserver(() => {
      if (!panZoom.userMoved()) autoFitRef.current()
    })
    observer.observe(svg)
    return () => observer.disconnect()
  }, [panZoom])

  useEffect(() => {
    if (selectedPlaced) reveal(selectedPlaced)
  }, [selectedPlaced, reveal])

  const onFocusNode = useCallback(
    (placed: PlacedNode, byKeyboard: boolean) => {
      setFocused(placed.node.id)
      if (byKeyboard) panZoom.ignoreScrollFor(120)
      reveal(placed)
    },
    [reveal, panZoom],
  )

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    if (event.altKey || event.ctrlKey || event.metaKey) return
    const step = event.shiftKey ? KEY_PAN * 3 : KEY_PAN
    const pans: Record<string, readonly [number, number]> = {
      ArrowLeft: [step, 0],
      ArrowRight: [-step, 0],
      ArrowUp: [0, step],
      ArrowDown: [0, -step],
    }
    const pan = pans[event.key]
    if (pan) panZoom.panBy(pan[0], pan[1], true)
    else if (event.key === '+' || event.key === '=') panZoom.zoomBy(KEY_ZOOM)
    else if (event.key === '-' || event.key === '_') panZoom.zoomBy(1 / KEY_ZOOM)
    else if (event.key === '0') fit()
    else return
    event.preventDefault()
  }

  return (
    <div className="graph-area">
      <div className="graph-tools" role="toolbar" aria-label="Zoom">
        <button
          type="button"
          className="button-secondary"
          onClick={() => panZoom.zoomBy(KEY_ZOOM)}
          aria-label="Zoom in"
          title="Zoom in (+)"
        >
          +
        </button>
        <output className="zoom-readout" aria-label="Zoom level">
          {percent}%
        </output>
        <button
          type="button"
          className="button-secondary"
          onClick={() => panZoom.zoomBy(1 / KEY_ZOOM)}
          aria-label="Zoom out"
          title="Zoom out (−)"
        >
          −
        </button>
        <button type="button" className="button-secondary" onClick={fit} title="Fit (0)">
          Fit
        </button>
      </div>
      <div
        ref={stageRef}
        className="graph-stage"
        onKeyDown={onKeyDown}
        onBlur={(event) => {
          if (!event.currentTarget.contains(event.relatedTarget)) setFocused(undefined)
        }}
      >
        <div className="graph-plane">
          <svg
            ref={svgRef}
            className="graph-canvas"
            tabIndex={0}
            role="group"
            aria-roledescription="graph"
            aria-label={`Image graph, ${layout.nodes.length} objects. Arrow keys pan, plus and minus zoom, 0 fits.`}
            onFocus={(event) => {
              if (event.target === event.currentTarget) setFocused(undefined)
            }}
          >
            <GraphDrawing
              layout={layout}
              relations={relations}
              selectedId={selectedPlaced?.node.id}
              activeId={activeId}
              markerId={markerId}
              viewportRef={viewportRef}
              onSelect={onSelect}
              onFocusNode={onFocusNode}
              onHover={setHovered}
            />
          </svg>
        </div>
      </div>
      <p className="graph-hint" aria-hidden="true">
        Drag or scroll to pan · Ctrl + scroll or + − to zoom · 0 fits
      </p>
    </div>
  )
}
