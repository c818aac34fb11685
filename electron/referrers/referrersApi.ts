// GET /v2/<name>/referrers/<digest>[?artifactType=…] on a registry connection. A registry
// without the API answers 404 (or something that is not an index); that is reported as
// 'unsupported' so the caller can try the fallback tag. Pages linked by `Link` are followed.

import { isIndexMediaType } from '../../shared/oci/mediaTypes'
import { parseManifestBytes } from '../../shared/oci/parseManifest'
import type { Digest } from '../../shared/oci/types'
import { dump, headerValue } from '../registry/httpTransport'
import { nextPageLink } from '../registry/linkHeader'
import { readCapped, readErrorBody } from '../registry/readBody'
import type { RegistryConnection } from '../registry/registryConnection'
import { apiUrl } from '../registry/registryConnection'
import { statusError } from '../registry/httpErrors'
import { checkRepository, pullScope } from '../registry/registryPaths'
import { parseDigest } from '../../shared/digest'
import type { Referrer } from './referrerTypes'
import { filtersApplied, mergeReferrers, referrersFromIndex } from './referrersIndex'

export type ReferrersApiAnswer =
  | { readonly kind: 'unsupported'; readonly status: number }
  | {
      readonly kind: 'ok'
      readonly referrers: readonly Referrer[]
      /** The registry applied the artifactType filter (OCI-Filters-Applied). */
      readonly filtered: boolean
    }

const MAX_PAGES = 20
const BODY_CAP = 4 * 1024 * 1024

export async function queryReferrersApi(
  connection: RegistryConnection,
  repository: string,
  subject: Digest,
  options: { readonly artifactType?: string; readonly signal?: AbortSignal } = {},
): Promise<ReferrersApiAnswer> {
  parseDigest(subject)
  const path = `/v2/${checkRepository(repository)}/referrers/${subject}`
  const query =
    options.artifactType !== undefined
      ? `?artifactType=${encodeURIComponent(options.artifactType)}`
      : ''
  let url: URL | undefined = apiUrl(connection, `${path}${query}`)
  const pages: Referrer[][] = []
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
        body: await readErrorBody(response.body),
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
    let referrers: Referrer[]
    try {
      const parsed = parseManifestBytes(
        bytes,
        contentType !== undefined && isIndexMediaType(contentType) ? contentType : undefined,
      )
      if (parsed.kind !== 'index') throw new Error('not an index')
      referrers = referrersFromIndex(parsed.document)
    } catch {
      // Something that is not an index (a login page, a catch-all route): no API here.
      if (page === 0) return { kind: 'unsupported', status: response.status }
      break
    }
    pages.push(referrers)
    if (!filtersApplied(response.headers['oci-filters-applied']).includes('artifacttype')) {
      filtered = false
    }
    const next = nextPageLink(response.headers.link, url, connection.baseUrl.origin, path)
    url = next.kind === 'next' && next.url.href !== url.href ? next.url : undefined
  }
  return { kind: 'ok', referrers: mergeReferrers(pages), filtered }
}
