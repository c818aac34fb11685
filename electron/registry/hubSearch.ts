// Docker Hub repository search (registry:searchHub): Hub's search API,
// GET <base>/v2/search/repositories/?query=Q&page=N&page_size=M, answering
// { count, next, results: [{ repo_name, short_description, star_count, pull_count,
// is_official, is_automated }] }. The body is bounded, parsed as unknown and validated field by
// field; a result that does not fit is skipped (and counted), never guessed at. Rate-limit
// headers are passed on; 429 is RATE_LIMITED with the wait Retry-After asks for. The base URL is
// injectable (STRATA_DOCKER_HUB_URL) so tests can point it at a stand-in.

import type { HubRepository, HubSearchResult } from '../../shared/api/registry'
import { StrataError } from '../../shared/errors'
import { isRecord } from '../util/isRecord'
import { transportError } from '../util/transportError'
import { parseRateLimit, parseRetryAfter } from './rateLimit'

export const DOCKER_HUB_URL_ENV = 'STRATA_DOCKER_HUB_URL'
export const DEFAULT_DOCKER_HUB_URL = 'https://hub.docker.com'

const MAX_BODY_BYTES = 4 * 1024 * 1024
const TIMEOUT_MS = 30_000
const MAX_QUERY = 256
export const MAX_HUB_PAGE_SIZE = 100

export interface HubSearchOptions {
  readonly baseUrl?: string
  readonly page?: number
  readonly pageSize?: number
  readonly signal?: AbortSignal
}

export async function searchHub(
  query: string,
  options: HubSearchOptions = {},
): Promise<HubSearchResult> {
  const text = query.trim()
  if (text === '' || text.length > MAX_QUERY) {
    throw new StrataError(
      'BAD_INPUT',
      `Search for 1 to ${MAX_QUERY} characters (a name such as nginx or bitnami/redis).`,
      { subject: 'query' },
    )
  }
  const base = new URL(options.baseUrl ?? DEFAULT_DOCKER_HUB_URL)
  const url = new URL('/v2/search/repositories/', base)
  const page = options.page ?? 1
  const pageSize = Math.min(options.pageSize ?? 25, MAX_HUB_PAGE_SIZE)
  url.searchParams.set('query', text)
  url.searchParams.set('page', String(page))
  url.searchParams.set('page_size', String(pageSize))
  const host = url.host
  const signals = [AbortSignal.timeout(TIMEOUT_MS), ...(options.signal ? [options.signal] : [])]

  let response: Response
  try {
    response = await fetch(url, {
      headers: { accept: 'application/json' },
      redirect: 'error',
      signal: AbortSignal.any(signals),
    })
  } catch (error) {
    throw transportError(error, host, options.signal)
  }
  const headers = Object.fromEntries(response.headers.entries())
  const rateLimit = parseRateLimit(host, headers)
  if (response.status === 429) {
    await response.body?.cancel()
    const retryAfterSeconds = parseRetryAfter(headers['retry-after'])
    const wait = retryAfterSeconds !== undefined ? `; try again in ${retryAfterSeconds} s` : ''
    throw new StrataError('RATE_LIMITED', `${host} is rate-limiting searches${wait}`, {
      host,
      status: 429,
      subject: 'Docker Hub search',
      ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}),
    })
  }
  if (!response.ok) {
    await response.body?.cancel()
    throw new StrataError(
      response.status >= 500 ? 'NETWORK' : 'BAD_INPUT',
      `${host} answered the search with HTTP ${response.status}`,
      { host, status: response.status, subject: 'Docker Hub search' },
    )
  }
  const body = await boundedText(response, host)
  let parsed: unknown
  try {
    parsed = JSON.parse(body)
  } catch {
    throw malformed(host, 'the answer is not JSON')
  }
  return readSearchResult(parsed, host, text, page, rateLimit)
}

function readSearchResult(
  parsed: unknown,
  host: string,
  query: string,
  page: number,
  rateLimit: HubSearchResult['rateLimit'],
): HubSearchResult {
  if (!isRecord(parsed) || !Array.isArray(parsed.results)) {
    throw malformed(host, 'the answer has no results list')
  }
  const results: HubRepository[] = []
  let skipped = 0
  for (const item of parsed.results as unknown[]) {
    const repository = readRepository(item)
    if (repository === undefined) skipped++
    else results.push(repository)
  }
  const count = typeof parsed.count === 'number' && parsed.count >= 0 ? parsed.count : undefined
  return {
    query,
    page,
    results,
    ...(count !== undefined ? { total: count } : {}),
    hasMore: typeof parsed.next === 'string' && parsed.next !== '',
    skipped,
    ...(rateLimit !== undefined ? { rateLimit } : {}),
  }
}

/** A Hub repository name: "nginx" (official) or "owner/name", lowercase, as Hub spells them. */
const REPO_NAME = /^(?:[a-z0-9][a-z0-9._-]{0,254}\/)?[a-z0-9][a-z0-9._-]{0,254}$/

function readRepository(item: unknown): HubRepository | undefined {
  if (!isRecord(item)) return undefined
  const name = item.repo_name
  if (typeof name !== 'string' || !REPO_NAME.test(name)) return undefined
  const official = item.is_official === true
  // Official images are "library/<name>" on the registry; Hub search lists them bare.
  const repository = name.startsWith('library/') ? name.slice('library/'.length) : name
  return {
    name: repository,
    reference: `docker.io/${repository.includes('/') ? repository : `library/${repository}`}`,
    description:
      typeof item.short_description === 'string' ? item.short_description.slice(0, 500) : '',
    stars: countOf(item.star_count),
    ...(typeof item.pull_count === 'number' ? { pulls: countOf(item.pull_count) } : {}),
    official,
    automated: item.is_automated === true,
  }
}

function countOf(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? Math.floor(value) : 0
}

async function boundedText(response: Response, host: string): Promise<string> {
  const body = response.body
  if (body === null) return ''
  const chunks: Uint8Array[] = []
  let total = 0
  for await (const chunk of body as AsyncIterable<Uint8Array>) {
    total += chunk.byteLength
    if (total > MAX_BODY_BYTES) {
      await body.cancel().catch(() => undefined)
      throw malformed(host, 'the answer is larger than 4 MiB')
    }
    chunks.push(chunk)
  }
  return Buffer.concat(chunks).toString('utf8')
}

function malformed(host: string, why: string): StrataError {
  return new StrataError(
    'MALFORMED',
    `${host} answered the search in an unexpected shape: ${why}`,
    {
      host,
      subject: 'Docker Hub search',
    },
  )
}
