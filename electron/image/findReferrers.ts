// What refers to a manifest: the Referrers API first; where the registry lacks it, the
// `<alg>-<hex>` fallback tag (an index the pushing tool maintains); cosign's `<alg>-<hex>.sig`
// and `.att` tags are added beside them. Referrer descriptors that lack their artifactType or annotations
// (fallback indexes often do) get them from their own manifest: artifactType, else the config
// media type; the manifest's annotations.

import { StrataError } from '../../shared/errors'
import { parseManifestBytes } from '../../shared/oci/parseManifest'
import type { Digest } from '../../shared/oci/types'
import type { RegistryClient } from '../registry/registryClient'
import { Semaphore } from '../util/semaphore'
import { findCosignTags } from './cosignSignatureTag'
import type { Referrer, ReferrersResult } from './referrerTypes'
import {
  fallbackTagFor,
  filterByArtifactType,
  referrersFromIndex,
  toReferrer,
} from './referrersIndex'

export interface ReferrersDeps {
  /** The Referrers API, the fallback tag and the referrer manifests, all on one client. */
  readonly client: Pick<RegistryClient, 'getManifest' | 'referrers'>
  /** Go straight to the fallback tag (the registry is known to lack the API). */
  readonly skipApi?: boolean
}

export interface FindReferrersOptions {
  readonly artifactType?: string
  readonly signal?: AbortSignal
  /** Fill in missing artifactType/annotations from each referrer's manifest (default true). */
  readonly completeDetails?: boolean
}

/** What the Referrers API (or its fallback tag) lists, plus cosign's `.sig` and `.att` tags. */
export async function findReferrers(
  deps: ReferrersDeps,
  repository: string,
  subject: Digest,
  options: FindReferrersOptions = {},
): Promise<ReferrersResult> {
  const [listed, cosignTags] = await Promise.all([
    findListedReferrers(deps, repository, subject, options),
    findCosignTags(deps.client, repository, subject, options.signal),
  ])
  const added = cosignTags.filter((tag) => !listed.referrers.some((r) => r.digest === tag.digest))
  const kept = filterByArtifactType(added, options.artifactType)
  return kept.length === 0 ? listed : { ...listed, referrers: [...listed.referrers, ...kept] }
}

async function findListedReferrers(
  deps: ReferrersDeps,
  repository: string,
  subject: Digest,
  options: FindReferrersOptions,
): Promise<ReferrersResult> {
  const signal = options.signal !== undefined ? { signal: options.signal } : {}
  const filter = options.artifactType !== undefined ? { artifactType: options.artifactType } : {}
  if (deps.skipApi !== true) {
    const answer = await deps.client.referrers(repository, subject, { ...filter, ...signal })
    if (answer.kind === 'ok') {
      const listed = answer.manifests.map(toReferrer)
      const complete = await completeTypes(deps, repository, listed, options)
      return {
        subject,
        via: 'api',
        referrers: answer.filtered
          ? complete
          : filterByArtifactType(complete, options.artifactType),
        ...filter,
        ...(options.artifactType !== undefined
          ? { filteredBy: answer.filtered ? ('registry' as const) : ('strata' as const) }
          : {}),
      }
    }
  }
  const fallbackTag = fallbackTagFor(subject)
  let fetched
  try {
    fetched = await deps.client.getManifest(repository, fallbackTag, signal)
  } catch (error) {
    if (error instanceof StrataError && error.code === 'NOT_FOUND') {
      return { subject, via: 'none', referrers: [], ...filter, fallbackTag }
    }
    throw error
  }
  const parsed = parseManifestBytes(fetched.bytes, fetched.descriptor.mediaType)
  if (parsed.kind !== 'index') {
    throw new StrataError(
      'MALFORMED',
      `tag ${fallbackTag} in ${repository} should list referrers in an index, but is a ${parsed.kind}`,
      { subject: `${repository}:${fallbackTag}` },
    )
  }
  const listed = await completeTypes(deps, repository, referrersFromIndex(parsed.document), options)
  return {
    subject,
    via: 'fallback-tag',
    referrers: filterByArtifactType(listed, options.artifactType),
    ...filter,
    ...(options.artifactType !== undefined ? { filteredBy: 'strata' as const } : {}),
    fallbackTag,
  }
}

async function completeTypes(
  deps: ReferrersDeps,
  repository: string,
  referrers: readonly Referrer[],
  options: FindReferrersOptions,
): Promise<Referrer[]> {
  if (options.completeDetails === false) return [...referrers]
  const limit = new Semaphore(4)
  return Promise.all(
    referrers.map((referrer) =>
      referrer.artifactType !== undefined && referrer.annotations !== undefined
        ? Promise.resolve(referrer)
        : limit.run(async () => ({
            ...(await readDetails(deps, repository, referrer, options)),
            ...referrer,
          })),
    ),
  )
}

/** What the referrer's own manifest says; the listing's own fields win when both exist. */
async function readDetails(
  deps: ReferrersDeps,
  repository: string,
  referrer: Referrer,
  options: FindReferrersOptions,
): Promise<Pick<Referrer, 'artifactType' | 'annotations'>> {
  try {
    const fetched = await deps.client.getManifest(repository, referrer.digest, {
      expectedSize: referrer.size,
      ...(options.signal !== undefined ? { signal: options.signal } : {}),
    })
    const parsed = parseManifestBytes(fetched.bytes, referrer.mediaType)
    if (parsed.kind === 'schema1') return {}
    const { document } = parsed
    const artifactType =
      document.artifactType ??
      (parsed.kind === 'manifest' ? parsed.document.config.mediaType : undefined)
    return {
      ...(artifactType !== undefined ? { artifactType } : {}),
      ...(document.annotations !== undefined ? { annotations: document.annotations } : {}),
    }
  } catch {
    return {} // shown as listed rather than hiding the referrer
  }
}
