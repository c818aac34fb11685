// Windowing for long lists of fixed-height rows: only the rows near the visible part of the
// scrolling ancestor are rendered, with spacers standing in for the rest, so a list of
// thousands of tags scrolls as smoothly as a list of ten.
import { useEffect, useState, type RefObject } from 'react'
import { windowRange, type WindowRange } from './windowRange'

function scrollParent(element: HTMLElement): HTMLElement | undefined {
  for (let node = element.parentElement; node; node = node.parentElement) {
    const { overflowY } = getComputedStyle(node)
    if (overflowY === 'auto' || overflowY === 'scroll') return node
  }
  return undefined
}

/** Until the first measurement: enough rows for a tall window. */
const INITIAL_VISIBLE = 1600

export function useWindowedRows(
  list: RefObject<HTMLElement | null>,
  count: number,
  rowHeight: number,
  overscan = 8,
): WindowRange {
  const [view, setView] = useState({ top: 0, height: INITIAL_VISIBLE })

  useEffect(() => {
    const element = list.current
    if (!element) return
    const container = scrollParent(element)
    let frame = 0
    const measure = (): void => {
      frame = 0
      const listTop = element.getBoundingClientRect().top
      const viewTop = container ? container.getBoundingClientRect().top : 0
      const height = container ? container.clientHeight : window.innerHeight
      const top = viewTop - listTop
      setView((old) => (old.top === top && old.height === height ? old : { top, height }))
    }
    const schedule = (): void => {
      if (frame === 0) frame = requestAnimationFrame(measure)
    }
    measure()
    const target: HTMLElement | Window = container ?? window
    target.addEventListener('scroll', schedule, { passive: true })
    const resize = new ResizeObserver(schedule)
    resize.observe(container ?? element)
    return () => {
      target.removeEventListener('scroll', schedule)
      resize.disconnect()
      if (frame !== 0) cancelAnimationFrame(frame)
    }
  }, [list, count])

  return windowRange(count, rowHeight, view.top, view.height, overscan)
}
