// The URL query string is the app state: which source, which view, which node. Pure functions
// so they can be unit-tested without a browser.

export const KNOWN_VIEWS = [
  'graph',
  'tags',
  'repositories',
  'storage',
  'files',
  'history',
  'sharing',
  'compare',
  'attestations',
  'lessons',
  'export',
] as const
export type KnownView = (typeof KNOWN_VIEWS)[number]

export interface Route {
  /** The view as written in the URL; may be one this build does not know. */
  readonly view: string
  /** Source reference: an image, a repository (tags view) or a transport string. */
  readonly ref?: string
  /** Registry host for the repositories view. */
  readonly registry?: string
  /** Selected digest in the graph view; the manifest decoded in the attestations view. */
  readonly node?: string
  /** Files view: 1-based layer position ("1" = bottom) or a layer digest; absent = merged. */
  readonly layer?: string
  /** Files view: a directory to list or a file to open ("/etc/os-release"). */
  readonly path?: string
  /** Files view of an index: which platform's image ("linux/arm64/v8"); absent = the first. */
  readonly platform?: string
  /** Compare: the right-hand image; sharing: more images besides `ref` (repeated `with=`). */
  readonly with?: readonly string[]
  /** History view: the tag to focus. */
  readonly tag?: string
  /** History view: "tag as of" this date (ISO 8601). */
  readonly at?: string
  /** Compare: "1" for a semantic compare (mtimes, compression, creation times ignored). */
  readonly semantic?: string
  /** Lessons: the lesson open ("layers"); absent = the list of lessons. */
  readonly lesson?: string
  /** Lessons: 1-based step of the open lesson. */
  readonly step?: string
  /** Language of the page ("en", "es"); kept across moves (see navigation.ts). */
  readonly lang?: string
  /** "1": presentation mode (large type, no chrome); kept across moves. */
  readonly present?: string
}

/** Parameters that describe how the page is shown rather than what: kept across moves. */
export const STICKY_PARAMS = ['lang', 'present'] as const

/**
 * The open lesson and step: kept across moves out of the lesson view too, so a student who
 * clicks into the view a step opened explores with the lesson still beside it (until they
 * leave the lesson). A move to view=lessons names its own lesson, so they are not carried there.
 */
export const LESSON_PARAMS = ['lesson', 'step'] as const

/** The same route outside any lesson. */
export function withoutLesson(route: Route): Route {
  const { lesson, step, ...rest } = route
  void lesson
  void step
  return rest
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
  const view =
    param(params, 'view') ??
    (registry !== undefined && ref === undefined ? 'repositories' : 'graph')
  const others = params
    .getAll('with')
    .map((w) => w.trim())
    .filter((w) => w !== '')
  const optional = {
    registry,
    node: param(params, 'node'),
    layer: param(params, 'layer'),
    path: param(params, 'path'),
    platform: param(params, 'platform'),
    tag: param(params, 'tag'),
    at: param(params, 'at'),
    semantic: param(params, 'semantic'),
    lesson: param(params, 'lesson'),
    step: param(params, 'step'),
    lang: param(params, 'lang'),
    present: param(params, 'present'),
  }
  const route: { -readonly [K in keyof Route]: Route[K] } = { view }
  if (ref !== undefined) route.ref = ref
  for (const [key, value] of Object.entries(optional) as [keyof typeof optional, string][]) {
    if (value !== undefined) route[key] = value
  }
  if (others.length > 0) route.with = others
  return route
}

/** Writes a route back as a query string, token first, always starting with "?". */
export function routeToSearch(route: Route, token?: string): string {
  const params = new URLSearchParams()
  if (token) params.set('token', token)
  if (route.ref) params.set('ref', route.ref)
  params.set('view', route.view)
  for (const key of [
    'registry',
    'node',
    'platform',
    'layer',
    'path',
    'tag',
    'at',
    'semantic',
    'lesson',
    'step',
    'lang',
    'present',
  ] as const) {
    const value = route[key]
    if (value) params.set(key, value)
  }
  for (const other of route.with ?? []) params.append('with', other)
  return `?${params.toString()}`
}

/** Presentation mode (large type, high contrast, no chrome) is on. */
export function isPresenting(route: Route): boolean {
  return route.present === '1'
}

/** The same route out of presentation mode. */
export function withoutPresent(route: Route): Route {
  const { present, ...rest } = route
  void present
  return rest
}

/** The same route without a selected node (closing the details panel). */
export function withoutNode(route: Route): Route {
  const { node, ...rest } = route
  void node
  return rest
}

export function sameRoute(a: Route, b: Route): boolean {
  return routeToSearch(a) === routeToSearch(b)
}

/**
 * The route with the current page's language and presentation mode when it names none, so a
 * view that builds a route from scratch does not drop them; and the open lesson, unless the
 * route goes to the lessons view (which names its own) or `leaveLesson` is asked.
 */
export function withStickyParams(route: Route, current: Route, leaveLesson = false): Route {
  const kept: { -readonly [K in keyof Route]: Route[K] } = { ...route }
  const carried = [
    ...STICKY_PARAMS,
    ...(leaveLesson || route.view === 'lessons' ? [] : LESSON_PARAMS),
  ]
  for (const key of carried) {
    if (kept[key] === undefined && current[key] !== undefined) kept[key] = current[key]
  }
  return kept
}
