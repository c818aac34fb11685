// Whether an element is on screen (inside the window and every clipping ancestor), through one
// shared IntersectionObserver for all rows. With `settleMs`, an element only counts once it has
// stayed on screen that long: rows flying past in a fast scroll never start any work.
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

export function useOnScreen(ref: RefObject<Element | null>, settleMs = 0): boolean {
  const [onScreen, setOnScreen] = useState(false)
  useEffect(() => {
    const element = ref.current
    if (!element) return
    let timer: ReturnType<typeof setTimeout> | undefined
    listeners.set(element, (visible) => {
      clearTimeout(timer)
      if (!visible || settleMs <= 0) setOnScreen(visible)
      else timer = setTimeout(() => setOnScreen(true), settleMs)
    })
    shared().observe(element)
    return () => {
      clearTimeout(timer)
      listeners.delete(element)
      shared().unobserve(element)
    }
  }, [ref, settleMs])
  return onScreen
}
