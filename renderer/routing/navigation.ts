// history.pushState / popstate as a tiny store, so back and forward move between views.
import { useCallback, useMemo, useSyncExternalStore } from 'react'
import { parseRoute, routeToSearch, sameRoute, withStickyParams, type Route } from './route'

const NAVIGATE_EVENT = 'strata:navigate'

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange)
  window.addEventListener(NAVIGATE_EVENT, onChange)
  return () => {
    window.removeEventListener('popstate', onChange)
    window.removeEventListener(NAVIGATE_EVENT, onChange)
  }
}

const currentSearch = (): string => window.location.search

export function currentRoute(): Route {
  return parseRoute(window.location.search)
}

export interface NavigateOptions {
  /** Replace the history entry instead of adding one (for corrections, not user moves). */
  readonly replace?: boolean
  /** Take the route as given, without the current lang/present (to switch those off). */
  readonly exact?: boolean
  /** Leave the open lesson: keep lang/present but not lesson/step. */
  readonly leaveLesson?: boolean
}

export function navigate(target: Route, options: NavigateOptions = {}): void {
  const route = options.exact
    ? target
    : withStickyParams(target, currentRoute(), options.leaveLesson === true)
  if (sameRoute(route, currentRoute()) && !options.replace) return
  const url = `${window.location.pathname}${routeToSearch(route)}`
  if (options.replace) window.history.replaceState(null, '', url)
  else window.history.pushState(null, '', url)
  window.dispatchEvent(new Event(NAVIGATE_EVENT))
}

/** The current route; re-renders on pushState (through navigate) and on back/forward. */
export function useRoute(): Route {
  const search = useSyncExternalStore(subscribe, currentSearch)
  return useMemo(() => parseRoute(search), [search])
}

/** A stable navigate function for event handlers. */
export function useNavigate(): (route: Route, options?: NavigateOptions) => void {
  return useCallback((route: Route, options?: NavigateOptions) => navigate(route, options), [])
}

/** An href for a route, so links can be opened, copied and middle-clicked like any link. */
export function hrefFor(route: Route): string {
  return `${window.location.pathname}${routeToSearch(withStickyParams(route, currentRoute()))}`
}
