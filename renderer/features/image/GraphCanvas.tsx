// The graph's window: fits the whole drawing (compact cards when full ones would be too small
// to read), pans and zooms (mouse, trackpad, keys), keeps the selected or keyboard-focused node
// in view, and shows the zoom controls. Selecting a node never moves the view unless the node
// would be hidden (by the details panel opening beside it).
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
import { useTranslation } from 'react-i18next'
import type { GraphNode } from '../../../shared/api'
import { useFormat } from '../../i18n/useFormat'
import { ImageExportLink, ViewPictureExport } from '../../components/ExportMenu'
import { GraphDrawing } from './GraphDrawing'
import type { GraphRelations } from './graphRelations'
import type { Density, GraphLayout, PlacedNode } from './layout'
import { usePanZoom } from './usePanZoom'
import { fitLayouts, revealTransform, type Box, type Size, type ViewTransform } from './viewFit'

interface GraphCanvasProps {
  /** The same graph laid out with full and with compact cards. */
  readonly layouts: Readonly<Record<Density, GraphLayout>>
  readonly relations: GraphRelations
  readonly selectedId: string | undefined
  readonly onSelect: (node: GraphNode) => void
}

const KEY_PAN = 80
const KEY_ZOOM = 1.25

export function GraphCanvas({ layouts, relations, selectedId, onSelect }: GraphCanvasProps) {
  const { t } = useTranslation('image')
  const format = useFormat()
  const stageRef = useRef<HTMLDivElement>(null)
  const svgRef = useRef<SVGSVGElement>(null)
  const viewportRef = useRef<SVGGElement>(null)
  const markerId = `arrow-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`
  const [percent, setPercent] = useState(100)
  const onScale = useCallback((k: number) => setPercent(Math.round(k * 100)), [])
  const panZoom = usePanZoom({ stage: stageRef, svg: svgRef, viewport: viewportRef, onScale })
  const [density, setDensity] = useState<Density>('full')
  const layout = layouts[density]
  /** A fit for the other density waits until that drawing is on screen. */
  const pendingFit = useRef<ViewTransform>(undefined)
  /** The window size at the last fit: only a window resize refits on its own. */
  const fittedWindow = useRef<Size>(undefined)

  const [hovered, setHovered] = useState<string>()
  const [focused, setFocused] = useState<string>()
  const activeId = hovered ?? focused ?? selectedId

  const selectedPlaced = useMemo(
    () => layout.nodes.find((p) => p.node.id === selectedId || p.node.digest === selectedId),
    [layout, selectedId],
  )

  /** Pans (never zooms) so a node is inside the visible area, `margin` from its edges. */
  const reveal = useCallback(
    (box: Box, margin?: number) => {
      panZoom.flushScroll()
      const moved = revealTransform(panZoom.current(), box, panZoom.viewSize(), margin)
      if (moved) panZoom.setTransform(moved, false)
    },
    [panZoom],
  )

  const fit = useCallback(() => {
    const view = panZoom.viewSize()
    if (view.width === 0 || layouts.full.width === 0) return
    fittedWindow.current = { width: window.innerWidth, height: window.innerHeight }
    const fitted = fitLayouts(layouts, view)
    if (fitted.density === density) {
      pendingFit.current = undefined
      panZoom.setTransform(fitted.transform, true)
    } else {
      pendingFit.current = fitted.transform
      setDensity(fitted.density)
    }
  }, [panZoom, layouts, density])

  useLayoutEffect(() => {
    const transform = pendingFit.current
    pendingFit.current = undefined
    if (transform) panZoom.setTransform(transform, true)
  }, [density, panZoom])

  /** Keeps the selected node visible without moving a view that already shows it. */
  const keepSelectedVisible = useCallback(() => {
    if (selectedPlaced) reveal(selectedPlaced, 0)
  }, [reveal, selectedPlaced])

  /** True while a node is selected: its details panel sits beside the graph. */
  const hasSelection = selectedPlaced !== undefined
  /** Whether the whole drawing is still inside the view as it stands. */
  const showsWholeGraph = useCallback((): boolean => {
    const t = panZoom.current()
    const view = panZoom.viewSize()
    return (
      t.x >= -1 &&
      t.y >= -1 &&
      t.x + layout.width * t.k <= view.width + 1 &&
      t.y + layout.height * t.k <= view.height + 1
    )
  }, [panZoom, layout])

  const fitRef = useRef(fit)
  const keepSelectedRef = useRef(keepSelectedVisible)
  const refitsInPage = useRef(() => !hasSelection && !showsWholeGraph())
  useLayoutEffect(() => {
    fitRef.current = fit
    keepSelectedRef.current = keepSelectedVisible
    refitsInPage.current = () => !hasSelection && !showsWholeGraph()
  }, [fit, keepSelectedVisible, hasSelection, showsWholeGraph])

  // A new graph starts fitted to the window, before the first paint.
  useLayoutEffect(() => fitRef.current(), [layouts])

  useEffect(() => {
    const svg = svgRef.current
    if (!svg) return
    // A resized window refits (until the user pans or zooms). A change inside the page keeps
    // the view where it is while a node's details are open (the panel opening or being dragged
    // wider); without one (the sidebar shown again), it refits if the graph no longer fits.
    const observer = new ResizeObserver(() => {
      const last = fittedWindow.current
      const windowResized =
        !last || last.width !== window.innerWidth || last.height !== window.innerHeight
      if (!panZoom.userMoved() && (windowResized || refitsInPage.current())) fitRef.current()
      else keepSelectedRef.current()
    })
    observer.observe(svg)
    return () => observer.disconnect()
  }, [panZoom])

  useEffect(() => keepSelectedVisible(), [keepSelectedVisible])

  const onFocusNode = useCallback(
    (placed: PlacedNode, byKeyboard: boolean) => {
      setFocused(placed.node.id)
      // A click focuses the node it landed on, which is in view already: nothing moves.
      if (!byKeyboard) return
      panZoom.ignoreScrollFor(120)
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
      <div className="graph-tools" role="toolbar" aria-label={t('canvas.zoom')}>
        <button
          type="button"
          className="button-secondary"
          onClick={() => panZoom.zoomBy(KEY_ZOOM)}
          aria-label={t('canvas.zoomIn')}
          title={t('canvas.zoomInTitle')}
        >
          +
        </button>
        <output className="zoom-readout" aria-label={t('canvas.zoomLevel')}>
          {format.percent(percent / 100, 0)}
        </output>
        <button
          type="button"
          className="button-secondary"
          onClick={() => panZoom.zoomBy(1 / KEY_ZOOM)}
          aria-label={t('canvas.zoomOut')}
          title={t('canvas.zoomOutTitle')}
        >
          −
        </button>
        <button
          type="button"
          className="button-secondary"
          onClick={fit}
          title={t('canvas.fitTitle')}
        >
          {t('canvas.fit')}
        </button>
        <ViewPictureExport selector=".graph-canvas" what="graph" unzoom />
        <ImageExportLink />
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
            aria-label={t('canvas.graph', { count: layout.nodes.length })}
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
        {t('canvas.hint')}
      </p>
    </div>
  )
}
