// Quay keeps server-side tag history: GET /api/v1/repository/{namespace}/{repo}/tag/ with
// onlyActiveTags=false lists every period a tag pointed at a manifest (start_ts, and end_ts
// once it moved or was deleted). Each period becomes two observations: at its start, and (when
// it ended) one millisecond before its end, so "as of" the end instant answers the successor.

import { request } from 'undici'
import type { Dispatcher } from 'undici'
import { isDigest } from '../../shared/digest'
import { StrataError } from '../../shared/errors'
import type { TagObservation } from '../../shared/api/history'

/** One entry of Quay's tag list, the fields Strata reads. */
export interface QuayTagPeriod {
  readonly name: string
  readonly manifestDigest: string
  readonly startMs: number
  readonly endMs?: number
}

export interface QuayTagPage {
  readonly periods: readonly QuayTagPeriod[]
  readonly hasAdditional: boolean
  readonly page: number
}

/** Parses one page of Quay's tag API; entries without a usable digest or start are dropped. */
export function parseQuayTagPage(body: unknown): QuayTagPage {
  if (typeof body !== 'object' || body === null || !Array.isArray((body as QuayBody).tags)) {
    throw new StrataError('MALFORMED', 'the Quay tag history has no "tags" list')
  }
  const { tags, has_additional: hasAdditional, page } = body as QuayBody
  const periods: QuayTagPeriod[] = []
  for (const entry of tags as unknown[]) {
    if (typeof entry !== 'object' || entry === null) continue
    const { name, manifest_digest: digest, start_ts: start, end_ts: end } = entry as QuayTag
    if (typeof name !== 'string' || typeof digest !== 'string' || !isDigest(digest)) continue
    if (typeof start !== 'number' || !Number.isFinite(start)) continue
    periods.push({
      name,
      manifestDigest: digest,
      startMs: start * 1000,
      ...(typeof end === 'number' && Number.isFinite(end) ? { endMs: end * 1000 } : {}),
    })
  }
  return {
    periods,
    hasAdditional: hasAdditional === true,
    page: typeof page === 'number' ? page : 1,
  }
}

export function quayObservations(
  registry: string,
  repository: string,
  periods: readonly QuayTagPeriod[],
): TagObservation[] {
  const observations: TagObservation[] = []
  const make = (period: QuayTagPeriod, ms: number): TagObservation => ({
    registry,
    repository,
    tag: period.name,
    digest: period.manifestDigest,
    seenAt: new Date(ms).toISOString(),
    source: 'quay',
  })
  for (const period of periods) {
    observations.push(make(period, period.startMs))
    if (period.endMs !== undefined && period.endMs - 1 > period.startMs) {
      observations.push(make(period, period.endMs - 1))
    }
  }
  return observations.sort((a, b) => Date.parse(a.seenAt) - Date.parse(b.seenAt))
}

export interface QuayHistoryOptions {
  /** "quay.io" or a self-hosted Quay host. */
  readonly registry: string
  /** "namespace/repo". */
  readonly repository: string
  readonly tag?: string
  /** Where the API lives; default https://<registry>. */
  readonly apiOrigin?: string
  readonly dispatcher?: Dispatcher
  /** An OAuth application token for private repositories. */
  readonly token?: string
  readonly signal?: AbortSignal
  readonly maxPages?: number
}

const BODY_CAP = 8 * 1024 * 1024

/** Every page of a repository's (or one tag's) history, as observations. */
export async function fetchQuayTagHistory(options: QuayHistoryOptions): Promise<TagObservation[]> {
  const origin = options.apiOrigin ?? `https://${options.registry}`
  const periods: QuayTagPeriod[] = []
  const maxPages = options.maxPages ?? 50
  for (let page = 1; page <= maxPages; page += 1) {
    const url = new URL(`/api/v1/repository/${quayPath(options.repository)}/tag/`, origin)
    url.searchParams.set('onlyActiveTags', 'false')
    url.searchParams.set('limit', '100')
    url.searchParams.set('page', String(page))
    if (options.tag !== undefined) url.searchParams.set('specificTag', options.tag)
    const parsed = parseQuayTagPage(await getJson(url, options))
    periods.push(...parsed.periods)
    if (!parsed.hasAdditional) break
  }
  return quayObservations(options.registry, options.repository, periods)
}

async function getJson(url: URL, options: QuayHistoryOptions): Promise<unknown> {
  const response = await request(url, {
    method: 'GET',
    headers: {
      accept: 'application/json',
      ...(options.token !== undefined ? { authorization: `Bearer ${options.token}` } : {}),
    },
    ...(options.dispatcher !== undefined ? { dispatcher: options.dispatcher } : {}),
    ...(options.signal !== undefined ? { signal: options.signal } : {}),
  })
  const text = await readText(response.body)
  const host = url.host
  if (response.statusCode === 401 || response.statusCode === 403) {
    throw new StrataError('AUTH_REQUIRED', `${host} wants a token to read the tag history`, {
      host,
      status: response.statusCode,
    })
  }
  if (response.statusCode === 404) {
    throw new StrataError('NOT_FOUND', `${host} has no repository ${options.repository}`, {
      host,
      status: 404,
    })
  }
  if (response.statusCode !== 200) {
    throw new StrataError('SERVER_ERROR', `${host} answered ${response.statusCode}`, {
      host,
      status: response.statusCode,
    })
  }
  try {
    return JSON.parse(text) as unknown
  } catch {
    throw new StrataError('MALFORMED', `the tag history from ${host} is not JSON`, { host })
  }
}

async function readText(body: AsyncIterable<Buffer>): Promise<string> {
  const chunks: Buffer[] = []
  let total = 0
  for await (const chunk of body) {
    total += chunk.length
    if (total > BODY_CAP) throw new StrataError('TOO_LARGE', 'the Quay tag history is too large')
    chunks.push(chunk)
  }
  return Buffer.concat(chunks).toString('utf8')
}

function quayPath(repository: string): string {
  const parts = repository.split('/')
  if (parts.length !== 2 || !parts.every((p) => /^[a-z0-9][a-z0-9._-]*$/.test(p))) {
    throw new StrataError(
      'BAD_INPUT',
      `"${repository}" is not a Quay repository (namespace/name)`,
      {
        subject: repository,
      },
    )
  }
  return parts.join('/')
}

interface QuayBody {
  readonly tags?: unknown
  readonly has_additional?: unknown
  readonly page?: unknown
}

interface QuayTag {
  readonly name?: unknown
  readonly manifest_digest?: unknown
  readonly start_ts?: unknown
  readonly end_ts?: unknown
}
