// GET /v2/<name>/referrers/<digest>[?artifactType=…]: the Referrers API, on the client's own
// connection (its transport, auth, token cache, concurrency limit and body deadlines). A
// registry without the API answers 404/405/400 (or something that is not an index); that is
// reported as 'unsupported' so the caller can try the fallback tag. Pages linked by `Link` are
// followed. The answer is the listed descriptors; turning them into referrers is the caller's.

import { parseDigest } from '../../shared/digest'
import { isIndexMediaType } from '../../shared/oci/mediaTypes'
import { parseManifestBytes } from '../../shared/oci/parseManifest'
import type { Descriptor, Digest } from '../../shared/oci/types'
import { statusError } from './httpErrors'
import { dump, headerValue } from './httpTransport'
import { nextPageLink } from './linkHeader'
import { readCapped, readErrorBody } from './readBody'
import type { RegistryConnection } from './registryConnection'
import { apiUrl } from './registryConnection'
import { checkRepository, pullScope } from './registryPaths'

export type ReferrersAnswer =
  | { readonly kind: 'unsupported'; readonly status: number }
  | {
      readonly kind: 'ok'
      /** Every page's descriptors, each digest once. */
      readonly manifests: readonly Descriptor[]
      /** The registry applied the artifactType filter (OCI-Filters-Applied). */
      readonly filtered: boolean
    }

export interface ReferrersOptions {
  readonly artifactType?: string
  readonly signal?: AbortSignal
}

const MAX_PAGES = 20
const BODY_CAP = 4 * 1024 * 1024

export async function listReferrers(
  connection: RegistryConnection,
  repository: string,
  subject: Digest,
  options: ReferrersOptions = {},
): Promise<ReferrersAnswer> {
  parseDigest(subject)
  const path = `/v2/${checkRepository(repository)}/referrers/${subject}`
  const query =
    options.artifactType !== undefined
      ? `?artifactType=${encodeURIComponent(options.artifactType)}`
      : ''
  let url: URL | undefined = apiUrl(connection, `${path}${query}`)
  const pages: Descriptor[][] = []
  let filtered = options.artifactType !== undefined
  const target = { kind: 'manifest' as const, repository, reference: subject }
  for (let page = 0; url !== undefined && page < MAX_PAGES; page += 1) {
    const response = await connection.auth.send(
      {
        url,
        method: 'GET',
        headers: { accept: 'application/vnd.oci.image.index.v1+json' },
        signal: options.signal,
        target,
      },
      pullScope(repository),
    )
    if (response.status === 404 || response.status === 405 || response.status === 400) {
      await dump(response.body)
      if (page === 0) return { kind: 'unsupported', status: response.status }
      break
    }
    if (response.status !== 200) {
      throw statusError({
        status: response.status,
        headers: response.headers,
        body: await readErrorBody(response.body, response.deadlines),
        host: connection.host,
        target,
      })
    }
    const contentType = headerValue(response.headers, 'content-type')?.split(';')[0]?.trim()
    const bytes = await readCapped(response, BODY_CAP, {
      host: connection.host,
      what: `the referrers of ${subject}`,
      ...(options.signal !== undefined ? { signal: options.signal } : {}),
    })
    const listed = indexManifests(bytes, contentType)
    // Something that is not an index (a login page, a catch-all route): no API here.
    if (listed === undefined) {
      if (page === 0) return { kind: 'unsupported', status: response.status }
      break
    }
    pages.push(listed)
    if (!filtersApplied(response.headers['oci-filters-applied']).includes('artifacttype')) {
      filtered = false
    }
    const next = nextPageLink(response.headers.link, url, connection.baseUrl.origin, path)
    url = next.kind === 'next' && next.url.href !== url.href ? next.url : undefined
  }
  return { kind: 'ok', manifests: mergeByDigest(pages), filtered }
}

function indexManifests(
  bytes: Uint8Array,
  contentType: string | undefined,
): Descriptor[] | undefined {
  try {
    const parsed = parseManifestBytes(
      bytes,
      contentType !== undefined && isIndexMediaType(contentType) ? contentType : undefined,
    )
    return parsed.kind === 'index' ? [...parsed.document.manifests] : undefined
  } catch {
    return undefined
  }
}

/** "OCI-Filters-Applied: artifactType" → ["artifacttype"] (names compared lowercased). */
export function filtersApplied(header: string | readonly string[] | undefined): string[] {
  const values = header === undefined ? [] : typeof header === 'string' ? [header] : header
  return values
    .flatMap((v) => v.split(','))
    .map((v) => v.trim().toLowerCase())
    .filter((v) => v !== '')
}

/** Entries of several pages, each digest once (a registry may repeat across pages). */
export function mergeByDigest<T extends { readonly digest: string }>(
  pages: readonly (readonly T[])[],
): T[] {
  const seen = new Map<string, T>()
  for (const page of pages)
    for (const entry of page) if (!seen.has(entry.digest)) seen.set(entry.digest, entry)
  return [...seen.values()]
}
