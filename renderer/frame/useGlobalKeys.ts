// App-wide keys: "/" focuses the Open box (unless typing somewhere), "p" toggles presentation
// mode (same condition), Escape closes the details panel by dropping `node` from the URL. The
// arrows and PageUp/PageDown belong to the lessons (clickers send those).
import { isTyping } from '../components/isTyping'
import { useEffect, type RefObject } from 'react'
import { navigate } from '../routing/navigation'
import { togglePresentation } from './PresentToggle'
import { withoutNode, type Route } from '../routing/route'

export function useGlobalKeys(route: Route, openInput: RefObject<HTMLInputElement | null>): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return
      if (event.key === '/' && !isTyping(event.target)) {
        event.preventDefault()
        openInput.current?.focus()
        openInput.current?.select()
        return
      }
      if ((event.key === 'p' || event.key === 'P') && !isTyping(event.target)) {
        event.preventDefault()
        togglePresentation()
        return
      }
      if (event.key === 'Escape' && route.node !== undefined) {
        event.preventDefault()
        const closed = route.node
        navigate(withoutNode(route))
        // Give keyboard users their place back: the node whose details just closed.
        document
          .querySelector<SVGGElement>(
            `[data-testid="graph-node"][data-digest="${CSS.escape(closed)}"]`,
          )
          ?.focus()
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [route, openInput])
}
