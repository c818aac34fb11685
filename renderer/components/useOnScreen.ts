// Whether an element is on screen (inside the window and every clipping ancestor), through one
// shared IntersectionObserver for all rows.
import { useEffect, useState, type RefObject } from 'react'

type Listener = (onScreen: boolean) => void

const listeners = new Map<Element, Listener>()
let observer: IntersectionObserver | undefined

function shared(): IntersectionObserver {
  observer ??= new IntersectionObserver((entries) => {
    for (const entry of entries) listeners.get(entry.target)?.(entry.isIntersecting)
  })
  return observer
}

export function useOnScreen(ref: RefObject<Element | null>): boolean {
  const [onScreen, setOnScreen] = useState(false)
  useEffect(() => {
    const element = ref.current
    if (!element) return
    listeners.set(element, setOnScreen)
    shared().observe(element)
    return () => {
      listeners.delete(element)
      shared().unobserve(element)
    }
  }, [ref])
  return onScreen
}
