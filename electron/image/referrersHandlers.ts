// Handler of image:referrers: what refers to a manifest, through the registry's Referrers API
// or the sha256-<hex> fallback tag; in an OCI layout, the index.json entries whose subject it
// is. Other local sources keep no referrers: they answer 'unsupported'.

import { isDigest } from '../../shared/digest'
import { StrataError } from '../../shared/errors'
import type { Digest } from '../../shared/oci/types'
import type { ReferrersResult } from '../../shared/api/image'
import { optionalString, requiredString } from '../util/argReaders'
import type { Handler } from '../util/handlerTypes'
import { registrySourceOf } from './registrySourceOf'
import { findLayoutReferrers } from '../stores/oci-layout/ociLayoutReferrers'
import type { ImageHandlerDeps } from './handlerDeps'

export function createReferrersHandlers(
  services: Pick<ImageHandlerDeps, 'openSource' | 'referrers'>,
): {
  readonly 'image:referrers': Handler<'image:referrers'>
} {
  return {
    'image:referrers': async (args, { signal }) => {
      const source = await services.openSource(requiredString(args, 'ref'), signal)
      const digest = optionalString(args, 'digest')
      if (digest !== undefined && !isDigest(digest)) {
        throw new StrataError('BAD_INPUT', `"digest" must be a digest like sha256:<64 hex>.`, {
          subject: 'digest',
        })
      }
      const artifactType = optionalString(args, 'artifactType')
      const subject: Digest = digest ?? (await source.resolve({ signal })).digest
      if (source.kind === 'oci-layout') {
        const referrers = await findLayoutReferrers(source, subject, {
          signal,
          ...(artifactType !== undefined ? { artifactType } : {}),
        })
        const result: ReferrersResult = {
          subject,
          via: 'layout',
          referrers,
          ...(artifactType !== undefined ? { artifactType, filteredBy: 'strata' as const } : {}),
        }
        return result
      }
      const registry = registrySourceOf(source)
      if (registry === undefined) {
        const result: ReferrersResult = {
          subject,
          via: 'unsupported',
          referrers: [],
          ...(artifactType !== undefined ? { artifactType } : {}),
        }
        return result
      }
      const { registry: host, repository } = registry.reference
      return services.referrers.find(host, repository, subject, {
        signal,
        ...(artifactType !== undefined ? { artifactType } : {}),
      })
    },
  }
}
