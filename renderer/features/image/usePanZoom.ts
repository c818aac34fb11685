// Pan and zoom for the graph canvas, on d3-zoom. Dragging pans; the wheel (two-finger scroll
// on a trackpad) pans; Ctrl/⌘ + wheel and pinch zoom; the caller maps keys to panBy/zoomBy.
//
// The stage is also a hidden scroll container whose scroll position is turned into a pan: when
// the browser scrolls something into view (keyboard focus, find-in-page, automation clicking a
// node), the scroll becomes a d3 translation and the scroll position snaps back.
import { select, zoom, zoomIdentity, zoomTransform, type D3ZoomEvent, type ZoomBehavior } from 'd3'
import { useLayoutEffect, useMemo, useRef, type RefObject } from 'react'
import type { Size, ViewTransform } from './viewFit'

/** Where the stage's scroll position rests; see graph.css (.graph-plane) for the same value. */
export const SCROLL_REST = 40_000
const MIN_ZOOM = 0.1
const MAX_ZOOM = 4

interface PanZoomElements {
  readonly stage: RefObject<HTMLDivElement | null>
  readonly svg: RefObject<SVGSVGElement | null>
  readonly viewport: RefObject<SVGGElement | null>
  /** Called with the scale after every change (for the zoom readout). */
  readonly onScale: (k: number) => void
}

export interface PanZoom {
  /** True once the user has zoomed or panned; automatic refits stop then. */
  readonly userMoved: () => boolean
  readonly current: () => ViewTransform
  readonly viewSize: () => Size
  /** Moves the view; `fitted` marks it as the automatic fit again (refits resume). */
  readonly setTransform: (t: ViewTransform, fitted: boolean) => void
  readonly panBy: (dx: number, dy: number, byUser: boolean) => void
  readonly zoomBy: (factor: number) => void
  /** Turns a pending scroll of the stage into a pan now (before reading positions). */
  readonly flushScroll: () => void
  /**
   * Drops the stage's scrolls for a moment instead of panning by them: keyboard focus reveals
   * its node with the smallest pan itself, where the browser would centre it.
   */
  readonly ignoreScrollFor: (ms: number) => void
}

/** d3-zoom handles drag and Ctrl/⌘ + wheel (pinch); plain wheel is ours, for panning. */
function zoomFilter(event: Event): boolean {
  if (event instanceof WheelEvent) return event.ctrlKey || event.metaKey
  if (event instanceof MouseEvent) return !event.ctrlKey && event.button === 0
  return true
}

export function usePanZoom({ stage, svg, viewport, onScale }: PanZoomElements): PanZoom {
  const behavior = useRef<ZoomBehavior<SVGSVGElement, unknown> | null>(null)
  const moved = useRef(false)
  const ignoreUntil = useRef(0)
  const scaleListener = useRef(onScale)
  useLayoutEffect(() => {
    scaleListener.current = onScale
  }, [onScale])

  const api = useMemo<PanZoom>(() => {
    const apply = (t: ViewTransform): void => {
      const element = svg.current
      if (!element || !behavior.current) return
      behavior.current.transform(select(element), zoomIdentity.translate(t.x, t.y).scale(t.k))
    }
    const current = (): ViewTransform => {
      const element = svg.current
      if (!element) return { k: 1, x: 0, y: 0 }
      const t = zoomTransform(element)
      return { k: t.k, x: t.x, y: t.y }
    }
    const flushScroll = (): void => {
      const element = stage.current
      if (!element) return
      const dx = element.scrollLeft - SCROLL_REST
      const dy = element.scrollTop - SCROLL_REST
      if (dx === 0 && dy === 0) return
      element.scrollLeft = SCROLL_REST
      element.scrollTop = SCROLL_REST
      if (performance.now() < ignoreUntil.current) return
      const t = current()
      apply({ k: t.k, x: t.x - dx, y: t.y - dy })
    }
    return {
      userMoved: () => moved.current,
      current,
      viewSize: () => {
        const rect = svg.current?.getBoundingClientRect()
        return { width: rect?.width ?? 0, height: rect?.height ?? 0 }
      },
      setTransform: (t, fitted) => {
        apply(t)
        if (fitted) moved.current = false
      },
      panBy: (dx, dy, byUser) => {
        const t = current()
        apply({ k: t.k, x: t.x + dx, y: t.y + dy })
        if (byUser) moved.current = true
      },
      zoomBy: (factor) => {
        const element = svg.current
        if (!element || !behavior.current) return
        behavior.current.scaleBy(select(element), factor)
        moved.current = true
      },
      flushScroll,
      ignoreScrollFor: (ms) => {
        ignoreUntil.current = performance.now() + ms
        flushScroll()
      },
    }
  }, [stage, svg])

  useLayoutEffect(() => {
    const element = svg.current
    const stageElement = stage.current
    if (!element || !stageElement) return
    const zoomer = zoom<SVGSVGElement, unknown>()
      .scaleExtent([MIN_ZOOM, MAX_ZOOM])
      .filter(zoomFilter)
      .on('zoom', (event: D3ZoomEvent<SVGSVGElement, unknown>) => {
        if (event.sourceEvent) moved.current = true
        viewport.current?.setAttribute('transform', event.transform.toString())
        scaleListener.current(event.transform.k)
      })
    const selection = select(element)
    selection.call(zoomer).on('dblclick.zoom', null)
    behavior.current = zoomer

    const onWheel = (event: WheelEvent): void => {
      if (event.ctrlKey || event.metaKey) return
      event.preventDefault()
      const unit = event.deltaMode === 1 ? 16 : event.deltaMode === 2 ? element.clientHeight : 1
      let dx = event.deltaX * unit
      let dy = event.deltaY * unit
      // A mouse wheel with Shift scrolls sideways where the system does not already swap.
      if (event.shiftKey && dx === 0) [dx, dy] = [dy, 0]
      api.panBy(-dx, -dy, true)
    }
    element.addEventListener('wheel', onWheel, { passive: false })

    const rest = (): void => {
      stageElement.scrollLeft = SCROLL_REST
      stageElement.scrollTop = SCROLL_REST
    }
    rest()
    stageElement.addEventListener('scroll', api.flushScroll)
    return () => {
      selection.on('.zoom', null)
      element.removeEventListener('wheel', onWheel)
      stageElement.removeEventListener('scroll', api.flushScroll)
      behavior.current = null
    }
  }, [api, stage, svg, viewport])

  return api
}
