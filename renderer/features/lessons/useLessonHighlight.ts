// Outlines what a lesson step talks about inside the real view beside it. Views render in
// stages (data arrives, rows mount, graphs lay out), so a MutationObserver re-applies the mark
// whenever the view's DOM changes, and the first match is scrolled into view once.
import { useEffect, useState, type RefObject } from 'react'

export const HIGHLIGHT_CLASS = 'lesson-highlight'

/** How many elements the selector matches now (0 while the view is still rendering). */
export function useLessonHighlight(
  container: RefObject<HTMLElement | null>,
  selector: string,
  stepKey: string,
): number {
  const [count, setCount] = useState(0)
  useEffect(() => {
    const root = container.current
    if (!root) return
    let scrolled = false
    let marked: Element[] = []
    const apply = (): void => {
      const matches = [...root.querySelectorAll(selector)]
      for (const element of marked) {
        if (!matches.includes(element)) element.classList.remove(HIGHLIGHT_CLASS)
      }
      for (const element of matches) {
        if (!element.classList.contains(HIGHLIGHT_CLASS)) element.classList.add(HIGHLIGHT_CLASS)
      }
      marked = matches
      setCount(matches.length)
      const first = matches[0]
      if (!scrolled && first) {
        scrolled = true
        first.scrollIntoView({ block: 'nearest', inline: 'nearest' })
      }
    }
    // Only element additions and removals: our own class changes must not wake the observer.
    const observer = new MutationObserver(apply)
    observer.observe(root, { childList: true, subtree: true })
    apply()
    return () => {
      observer.disconnect()
      for (const element of marked) element.classList.remove(HIGHLIGHT_CLASS)
      setCount(0)
    }
  }, [container, selector, stepKey])
  return count
}
