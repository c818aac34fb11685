// An ImageSource for a docker:// reference: a repository on a registry, read through the
// pool's client for that registry. Everything it returns has been verified against the
// digest that named it.

import type { Readable } from 'node:stream'
import type { EquivalentCommand } from '../../shared/api'
import { StrataError } from '../../shared/errors'
import { isManifestMediaType } from '../../shared/oci/mediaTypes'
import { parseManifestBytes } from '../../shared/oci/parseManifest'
import type { ImageReference } from '../../shared/reference'
import { formatReference } from '../../shared/reference'
import type {
  RegistryImageSource,
  SourceCallOptions,
  VerifiedBlob,
  VerifiedManifest,
} from '../sources/imageSource'
import { UNKNOWN_SIZE } from '../sources/imageSource'
import { registryCommands } from './equivalentCommands'
import type { RegistryClient } from './registryClient'

export interface RegistrySourceDeps {
  readonly pool: { clientFor(registry: string): RegistryClient }
}

export type { RegistryImageSource } from '../sources/imageSource'

export function openRegistryImage(
  ref: ImageReference,
  deps: RegistrySourceDeps,
): RegistryImageSource {
  const client = deps.pool.clientFor(ref.registry)
  const { repository } = ref
  const callOptions = (options?: SourceCallOptions): { signal?: AbortSignal } =>
    options?.signal !== undefined ? { signal: options.signal } : {}

  return {
    kind: 'registry',
    reference: ref,
    ref: `docker://${formatReference(ref)}`,
    label: `registry ${ref.registry}`,

    async resolve(options) {
      // A digest pins the image even when a tag is also given (docker's rule).
      const reference = ref.digest ?? ref.tag ?? 'latest'
      const descriptor = await client.resolve(repository, reference, callOptions(options))
      if (ref.digest !== undefined && descriptor.digest !== ref.digest) {
        throw new StrataError(
          'DIGEST_MISMATCH',
          `${ref.registry} answered ${repository}@${ref.digest} with ${descriptor.digest}; refused`,
          { host: ref.registry, expectedDigest: ref.digest, actualDigest: descriptor.digest },
        )
      }
      return descriptor
    },

    async fetchManifest(descriptor, options): Promise<VerifiedManifest> {
      // A digest alone (size unknown) is read under the manifest cap and verified by digest.
      const sizeKnown = descriptor.size !== UNKNOWN_SIZE
      const fetched = await client.getManifest(repository, descriptor.digest, {
        ...callOptions(options),
        ...(sizeKnown ? { expectedSize: descriptor.size } : {}),
      })
      // The parent's descriptor names the type it meant; the registry's header is the fallback.
      const declared = isManifestMediaType(descriptor.mediaType)
        ? descriptor.mediaType
        : fetched.descriptor.mediaType
      const parsed = parseManifestBytes(fetched.bytes, declared)
      return {
        descriptor: sizeKnown ? descriptor : { ...descriptor, size: fetched.bytes.length },
        bytes: fetched.bytes,
        parsed,
      }
    },

    async fetchSmallBlob(descriptor, options): Promise<VerifiedBlob> {
      let known = descriptor
      if (descriptor.size === UNKNOWN_SIZE) {
        // Learn the size first: the read is then capped by it and the bytes checked against it.
        const head = await client.headBlob(repository, descriptor.digest, callOptions(options))
        if (head.size === undefined) {
          throw new StrataError(
            'MALFORMED',
            `${ref.registry} did not say how large blob ${descriptor.digest} is, so it cannot be read whole under Strata's size cap`,
            { host: ref.registry, subject: descriptor.digest },
          )
        }
        known = { ...descriptor, size: head.size }
      }
      const bytes = await client.fetchBlob(repository, known, callOptions(options))
      return { descriptor: known, bytes }
    },

    openBlob(descriptor, options): Promise<Readable> {
      return client.openBlob(repository, descriptor, callOptions(options))
    },

    openBlobRange(descriptor, range, options) {
      return client.openBlobRange(repository, descriptor, range, callOptions(options))
    },

    commandsFor(target): readonly EquivalentCommand[] {
      // Without a digest a manifest command names the image itself; a blob needs its own.
      const digest = target.digest ?? (target.kind === 'manifest' ? ref.digest : undefined)
      return registryCommands({
        registry: ref.registry,
        repository,
        ...(ref.tag !== undefined ? { tag: ref.tag } : {}),
        ...(digest !== undefined ? { digest } : {}),
        kind: target.kind,
        apiOrigin: client.baseUrl.origin,
      })
    },

    rateLimit() {
      return client.rateLimit()
    },
  }
}
