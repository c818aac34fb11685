// Whether the Sources sidebar is shown. Hiding it gives the graph the whole width — useful on a
// projector. Remembered across launches.
import { useCallback, useState } from 'react'

const STORAGE_KEY = 'strata.sidebar'

function readHidden(): boolean {
  try {
    return window.localStorage.getItem(STORAGE_KEY) === 'hidden'
  } catch {
    return false
  }
}

export function useSidebarPreference(): [hidden: boolean, toggle: () => void] {
  const [hidden, setHidden] = useState(readHidden)
  const toggle = useCallback(() => {
    setHidden((current) => {
      const next = !current
      try {
        window.localStorage.setItem(STORAGE_KEY, next ? 'hidden' : 'shown')
      } catch {
        // Storage can be disabled; the toggle still works for this session.
      }
      return next
    })
  }, [])
  return [hidden, toggle]
}
