// Platforms of index entries: which entries are attestations rather than images, how a
// platform is written and read back ("linux/arm64/v8", "windows/amd64 (10.0.17763.1)"), when
// an entry's platform is the one asked for, and which image of an index a platform means.
// Pure; both sides may use it.

import type { Descriptor, Platform } from './types'

const REFERENCE_TYPE = 'vnd.docker.reference.type'

/**
 * Docker buildx attaches provenance/SBOM manifests to an index, marked by an annotation and
 * platform unknown/unknown. They describe an image; they are never one to run or browse.
 */
export function isAttestationManifest(
  descriptor: Pick<Descriptor, 'annotations' | 'platform'>,
): boolean {
  if (descriptor.annotations?.[REFERENCE_TYPE] === 'attestation-manifest') return true
  return descriptor.platform?.os === 'unknown' && descriptor.platform.architecture === 'unknown'
}

/** "linux/amd64", "linux/arm/v7", "windows/amd64 (10.0.17763.1)" → a Platform; else undefined. */
export function parsePlatformText(text: string): Platform | undefined {
  const match = /^([a-z0-9._-]+)\/([a-z0-9._-]+)(?:\/([a-z0-9._-]+))?(?: \(([^()]+)\))?$/i.exec(
    text.trim(),
  )
  if (match === null) return undefined
  const [, os = '', architecture = '', variant, version] = match
  return {
    os,
    architecture,
    ...(variant !== undefined ? { variant } : {}),
    ...(version !== undefined ? { 'os.version': version } : {}),
  }
}

/**
 * The variant an architecture means when none is written, as containerd reads it: arm64 is
 * v8, arm is v7, amd64 is v1. Other architectures have no implied variant.
 */
export function effectiveVariant(platform: Pick<Platform, 'architecture' | 'variant'>): string {
  if (platform.variant !== undefined && platform.variant !== '') return platform.variant
  switch (platform.architecture) {
    case 'arm64':
      return 'v8'
    case 'arm':
      return 'v7'
    case 'amd64':
      return 'v1'
    default:
      return ''
  }
}

/**
 * Does `offered` (an index entry's platform) satisfy `wanted`? Same os and architecture, the
 * same variant once defaults are applied, and the same os.version when one is asked for.
 */
export function platformMatches(offered: Platform, wanted: Platform): boolean {
  if (offered.os !== wanted.os || offered.architecture !== wanted.architecture) return false
  const version = wanted['os.version']
  if (version !== undefined && version !== '' && offered['os.version'] !== version) return false
  return effectiveVariant(offered) === effectiveVariant(wanted)
}

/**
 * Which image of an index a platform means, on its images already listed in index order
 * (attestations left out, nested indexes flattened: electron/sources/openImage does that).
 * The first that matches `wanted`; a request without a variant takes any variant of its
 * os/architecture when none matches exactly. Without `wanted`: the first with a platform,
 * else the first without.
 */
export function chooseImage<T extends { readonly platform?: Platform }>(
  images: readonly T[],
  wanted: Platform | undefined,
): T | undefined {
  if (wanted === undefined) {
    return (
      images.find((i) => i.platform !== undefined) ?? images.find((i) => i.platform === undefined)
    )
  }
  const offered = (i: T): i is T & { readonly platform: Platform } => i.platform !== undefined
  const exact = images.find((i) => offered(i) && platformMatches(i.platform, wanted))
  if (exact !== undefined || (wanted.variant ?? '') !== '') return exact
  return images.find(
    (i) =>
      offered(i) && i.platform.os === wanted.os && i.platform.architecture === wanted.architecture,
  )
}
