// Repository and tag listings, one page at a time, following the registry's Link header.
// The cursor handed to the caller is the next page's path and query on the registry; when it
// comes back it is checked again (it crossed the api boundary, so it is untrusted input).

import type { Page } from '../../shared/api'
import { StrataError } from '../../shared/errors'
import type { RequestTarget } from './httpErrors'
import { nextPageLink } from './linkHeader'
import { parseRateLimit } from './rateLimit'
import { parseJson, readCapped } from './readBody'
import type { RegistryConnection } from './registryConnection'
import { apiUrl, requestOk } from './registryConnection'
import { CATALOG_PATH, CATALOG_SCOPE, pullScope, tagsPath } from './registryPaths'

export interface ListOptions {
  readonly pageSize?: number
  /** The `next` of an earlier page. */
  readonly cursor?: string
  readonly signal?: AbortSignal
}

export interface RegistryPage extends Page<string> {
  /** A next-page link the registry sent that pointed elsewhere and was not followed. */
  readonly refusedNextLink?: { readonly target: string; readonly reason: string }
}

export const DEFAULT_PAGE_SIZE = 100
const MAX_PAGE_SIZE = 1000
const LISTING_BODY_CAP = 8 * 1024 * 1024

export async function listCatalogPage(
  connection: RegistryConnection,
  options: ListOptions = {},
): Promise<RegistryPage> {
  return listPage(
    connection,
    CATALOG_PATH,
    CATALOG_SCOPE,
    { kind: 'catalog' },
    'repositories',
    options,
  )
}

export async function listTagsPage(
  connection: RegistryConnection,
  repository: string,
  options: ListOptions = {},
): Promise<RegistryPage> {
  const path = tagsPath(repository)
  return listPage(
    connection,
    path,
    pullScope(repository),
    { kind: 'tags', repository },
    'tags',
    options,
  )
}

async function listPage(
  connection: RegistryConnection,
  path: string,
  scope: string,
  target: RequestTarget,
  field: 'repositories' | 'tags',
  options: ListOptions,
): Promise<RegistryPage> {
  const url =
    options.cursor !== undefined
      ? cursorUrl(connection, options.cursor, path)
      : apiUrl(connection, `${path}?n=${pageSize(options.pageSize)}`)
  const response = await requestOk(
    connection,
    { url, method: 'GET', signal: options.signal, target },
    scope,
  )
  const context = {
    host: connection.host,
    what: field === 'tags' ? 'the tag list' : 'the repository list',
    ...(options.signal ? { signal: options.signal } : {}),
  }
  const body = parseJson(await readCapped(response, LISTING_BODY_CAP, context), context)
  const listed = stringList(body, field, context.what, connection.host)
  const next = nextPageLink(response.headers.link, response.url, connection.baseUrl.origin, path)
  const local = next.kind === 'none' ? pageLocally(listed, url, path) : undefined
  const items = local?.items ?? listed
  // An empty page or a link back to the same page would make a caller loop forever.
  const nextCursor =
    local !== undefined
      ? local.next
      : next.kind === 'next' && items.length > 0 && next.url.href !== url.href
        ? `${next.url.pathname}${next.url.search}`
        : undefined
  const rateLimit = parseRateLimit(connection.host, response.headers)
  return {
    items,
    ...(nextCursor !== undefined ? { next: nextCursor } : {}),
    ...(next.kind === 'refused'
      ? { refusedNextLink: { target: next.target, reason: next.reason } }
      : {}),
    ...(rateLimit !== undefined ? { rateLimit } : {}),
  }
}

/**
 * Some registries ignore `n` and `last` (distribution 2.8 does for tags: it sends every tag,
 * unsorted, without a Link). When a page holds more than was asked for, page it here: sort
 * lexically as the spec orders results, skip up to `last`, and hand out `n` at a time with a
 * cursor in the spec's own `?n=&last=` form.
 */
export function pageLocally(
  items: readonly string[],
  requestUrl: URL,
  path: string,
): { items: string[]; next?: string } | undefined {
  const n = Number(requestUrl.searchParams.get('n'))
  if (!Number.isInteger(n) || n < 1 || items.length <= n) return undefined
  const last = requestUrl.searchParams.get('last')
  const sorted = [...new Set(items)]
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .filter((item) => last === null || item > last)
  const page = sorted.slice(0, n)
  const end = page.at(-1)
  if (sorted.length <= n || end === undefined) return { items: page }
  return { items: page, next: `${path}?n=${n}&last=${encodeURIComponent(end)}` }
}

/** A cursor is only ever a path on this registry's listing endpoint. */
function cursorUrl(connection: RegistryConnection, cursor: string, path: string): URL {
  let url: URL | undefined
  if (cursor.startsWith('/') && !cursor.startsWith('//')) {
    try {
      url = new URL(cursor, connection.baseUrl)
    } catch {
      url = undefined
    }
  }
  if (url === undefined || url.origin !== connection.baseUrl.origin || url.pathname !== path) {
    throw new StrataError(
      'BAD_INPUT',
      'the page cursor does not belong to this listing; start again from the first page',
      {
        host: connection.host,
        subject: cursor,
      },
    )
  }
  return url
}

function pageSize(requested: number | undefined): number {
  if (requested === undefined || !Number.isFinite(requested)) return DEFAULT_PAGE_SIZE
  return Math.min(MAX_PAGE_SIZE, Math.max(1, Math.floor(requested)))
}

function stringList(body: unknown, field: string, what: string, host: string): string[] {
  const value =
    typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[field] : undefined
  // distribution answers {"tags": null} for a repository whose tags were all deleted.
  if (value === null) return []
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) {
    throw new StrataError('MALFORMED', `${what} from ${host} has no "${field}" list`, { host })
  }
  return value
}
