// How wide the details panel is: dragged or set with the keyboard, remembered across launches
// (like the sidebar preference). Undefined until the user first resizes it: the stylesheet's
// default width (a share of the window) applies until then.
import { useCallback, useState } from 'react'
import { parseStoredWidth } from './detailsWidth'

const STORAGE_KEY = 'strata.detailsWidth'

function readWidth(): number | undefined {
  try {
    return parseStoredWidth(window.localStorage.getItem(STORAGE_KEY))
  } catch {
    return undefined
  }
}

export function useDetailsWidth(): [width: number | undefined, setWidth: (width: number) => void] {
  const [width, setState] = useState(readWidth)
  const setWidth = useCallback((next: number) => {
    setState(next)
    try {
      window.localStorage.setItem(STORAGE_KEY, String(Math.round(next)))
    } catch {
      // Storage can be disabled; the width still holds for this session.
    }
  }, [])
  return [width, setWidth]
}
