// The URL query string is the app state: which source, which view, which node. Pure functions
// so they can be unit-tested without a browser.

export const KNOWN_VIEWS = ['graph', 'tags', 'repositories', 'storage'] as const
export type KnownView = (typeof KNOWN_VIEWS)[number]

export interface Route {
  /** The view as written in the URL; may be one this build does not know. */
  readonly view: string
  /** Source reference: an image, a repository (tags view) or a transport string. */
  readonly ref?: string
  /** Registry host for the repositories view. */
  readonly registry?: string
  /** Selected digest in the graph view. */
  readonly node?: string
}

export function isKnownView(view: string): view is KnownView {
  return (KNOWN_VIEWS as readonly string[]).includes(view)
}

function param(params: URLSearchParams, name: string): string | undefined {
  const value = params.get(name)?.trim()
  return value ? value : undefined
}

/** Reads a route from `location.search` ("?token=…&ref=…&view=graph"). */
export function parseRoute(search: string): Route {
  const params = new URLSearchParams(search)
  const ref = param(params, 'ref')
  const registry = param(params, 'registry')
  const node = param(params, 'node')
  const view =
    param(params, 'view') ??
    (registry !== undefined && ref === undefined ? 'repositories' : 'graph')
  return {
    view,
    ...(ref !== undefined && { ref }),
    ...(registry !== undefined && { registry }),
    ...(node !== undefined && { node }),
  }
}

/** Writes a route back as a query string, token first, always starting with "?". */
export function routeToSearch(route: Route, token?: string): string {
  const params = new URLSearchParams()
  if (token) params.set('token', token)
  if (route.ref) params.set('ref', route.ref)
  params.set('view', route.view)
  if (route.registry) params.set('registry', route.registry)
  if (route.node) params.set('node', route.node)
  return `?${params.toString()}`
}

/** The same route without a selected node (closing the details panel). */
export function withoutNode(route: Route): Route {
  return {
    view: route.view,
    ...(route.ref !== undefined && { ref: route.ref }),
    ...(route.registry !== undefined && { registry: route.registry }),
  }
}

export function sameRoute(a: Route, b: Route): boolean {
  return a.view === b.view && a.ref === b.ref && a.registry === b.registry && a.node === b.node
}
