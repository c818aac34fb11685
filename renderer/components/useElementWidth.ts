// The width of an element, following resizes (for the d3 drawings that lay out in pixels).
import { useEffect, useState, type RefObject } from 'react'

export function useElementWidth(ref: RefObject<Element | null>, initial = 800): number {
  const [width, setWidth] = useState(initial)
  useEffect(() => {
    const element = ref.current
    if (!element) return
    const observer = new ResizeObserver((entries) => {
      const box = entries[0]?.contentRect
      if (box && box.width > 0) setWidth(Math.floor(box.width))
    })
    observer.observe(element)
    return () => observer.disconnect()
  }, [ref])
  return width
}
