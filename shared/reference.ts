// Image references, normalized by docker's rules: "alpine" is docker.io/library/alpine:latest.
// Grammar (distribution/reference):
//   reference := name [":" tag] ["@" digest]
//   name      := [domain "/"] path-component ("/" path-component)*
//   domain    := (domain-name | "[" ipv6 "]") [":" port]
//   path-component := [a-z0-9]+ (([._] | "__" | "-"+) [a-z0-9]+)*
//   tag       := [\w][\w.-]{0,127}
// The first component is a registry only when it contains "." or ":" or is "localhost";
// otherwise the reference is on Docker Hub.

import { referenceError } from './referenceProblem'
import type { Digest } from './oci/types'
import { parseDigest } from './digest'

export const DEFAULT_REGISTRY = 'docker.io'
export const DEFAULT_TAG = 'latest'

export interface ImageReference {
  /** Normalized registry host[:port]: "docker.io", "ghcr.io", "localhost:5000". */
  readonly registry: string
  /** Full repository path inside the registry: "library/alpine", "a/b/c/d". */
  readonly repository: string
  /** Tag, absent when only a digest was given. parseReference fills in "latest" if neither. */
  readonly tag?: string
  readonly digest?: Digest
}

/** Docker Hub's old name; references using it mean docker.io. */
const LEGACY_DEFAULT_REGISTRY = 'index.docker.io'
/** Where Docker Hub's Distribution API really lives. */
const DOCKER_HUB_API_HOST = 'registry-1.docker.io'
const NAME_TOTAL_LENGTH_MAX = 255
const DOCKER_SCHEME = 'docker://'

const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])'
const DOMAIN_NAME = `${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*`
const IPV6_BRACKETED = '\\[[a-fA-F0-9:]+\\]'
const DOMAIN_GRAMMAR = new RegExp(`^(?:${DOMAIN_NAME}|${IPV6_BRACKETED})(?::[0-9]+)?$`)
const PATH_COMPONENT_GRAMMAR = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/
const TAG_GRAMMAR = /^\w[\w.-]{0,127}$/
const HEX_ID = /^[a-f0-9]{64}$/

interface SplitReference {
  readonly registry: string
  readonly repository: string
  readonly tag: string | undefined
  readonly digest: string | undefined
}

/** Parses what a user typed into a normalized reference; throws BAD_INPUT saying what is wrong. */
export function parseReference(input: string): ImageReference {
  const parts = splitReference(input)
  if (parts.digest !== undefined) {
    return parts.tag === undefined
      ? { registry: parts.registry, repository: parts.repository, digest: parts.digest }
      : {
          registry: parts.registry,
          repository: parts.repository,
          tag: parts.tag,
          digest: parts.digest,
        }
  }
  return {
    registry: parts.registry,
    repository: parts.repository,
    tag: parts.tag ?? DEFAULT_TAG,
  }
}

/** Like parseReference, for places that name a repository: a tag or a digest is refused. */
export function parseRepository(input: string): { registry: string; repository: string } {
  const parts = splitReference(input)
  if (parts.tag !== undefined || parts.digest !== undefined) {
    throw referenceError(input, {
      kind: 'repositoryOnly',
      text: input,
      ...(parts.digest !== undefined ? { digest: parts.digest } : { tag: parts.tag }),
    })
  }
  return { registry: parts.registry, repository: parts.repository }
}

/** Fully qualified: "docker.io/library/alpine:latest", "host/repo:tag@sha256:…". */
export function formatReference(ref: ImageReference): string {
  return `${repositoryOf(ref)}${suffixOf(ref)}`
}

/** Docker's short form: "alpine:latest", "user/app:1"; other registries stay fully qualified. */
export function familiarName(ref: ImageReference): string {
  if (ref.registry !== DEFAULT_REGISTRY) return formatReference(ref)
  const path = ref.repository.startsWith('library/') ? ref.repository.slice(8) : ref.repository
  const short = path.includes('/') ? ref.repository : path
  return `${short}${suffixOf(ref)}`
}

/** "host/repository", without tag or digest. */
export function repositoryOf(ref: ImageReference): string {
  return `${ref.registry}/${ref.repository}`
}

/** The host that serves the Distribution API for a registry name. */
export function registryApiHost(registry: string): string {
  return registry === DEFAULT_REGISTRY ? DOCKER_HUB_API_HOST : registry
}

/** localhost, 127.0.0.0/8 and ::1, with or without a port (IPv6 with a port needs brackets). */
export function isLoopbackHost(hostWithOptionalPort: string): boolean {
  const host = stripPort(hostWithOptionalPort.trim()).toLowerCase()
  if (host === 'localhost') return true
  if (host === '::1' || host === '0:0:0:0:0:0:0:1') return true
  const octets = host.split('.')
  if (octets.length !== 4 || octets[0] !== '127') return false
  return octets.every((o) => /^[0-9]{1,3}$/.test(o) && Number(o) <= 255)
}

function stripPort(host: string): string {
  if (host.startsWith('[')) {
    const close = host.indexOf(']')
    return close < 0 ? host : host.slice(1, close)
  }
  // More than one colon and no brackets: a bare IPv6 address, no port.
  const firstColon = host.indexOf(':')
  if (firstColon < 0 || host.indexOf(':', firstColon + 1) >= 0) return host
  return host.slice(0, firstColon)
}

function suffixOf(ref: ImageReference): string {
  return `${ref.tag !== undefined ? `:${ref.tag}` : ''}${ref.digest !== undefined ? `@${ref.digest}` : ''}`
}

function splitReference(input: string): SplitReference {
  let text = input.trim()
  if (text.startsWith(DOCKER_SCHEME)) text = text.slice(DOCKER_SCHEME.length)
  if (text === '') throw referenceError(input, { kind: 'emptyImage' })
  if (/\s/.test(text)) {
    throw referenceError(input, { kind: 'referenceHasSpaces', text })
  }

  let namePart = text
  let digest: string | undefined
  const at = text.indexOf('@')
  if (at >= 0) {
    namePart = text.slice(0, at)
    digest = text.slice(at + 1)
    if (digest === '') throw referenceError(input, { kind: 'noDigestAfterAt', text })
    try {
      parseDigest(digest)
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error)
      throw referenceError(input, { kind: 'badDigest', text, why })
    }
  }
  if (namePart === '') throw referenceError(input, { kind: 'noRepository', text })

  const { registry, remainder } = splitRegistry(input, namePart)

  // Inside the remainder a ":" can only start the tag (the port belonged to the registry).
  let path = remainder
  let tag: string | undefined
  const lastColon = remainder.lastIndexOf(':')
  if (lastColon >= 0) {
    path = remainder.slice(0, lastColon)
    tag = remainder.slice(lastColon + 1)
    if (!TAG_GRAMMAR.test(tag)) {
      throw referenceError(input, { kind: 'badTag', tag })
    }
  }

  if (path === '') throw referenceError(input, { kind: 'noRepository', text })
  if (registry === DEFAULT_REGISTRY && HEX_ID.test(path)) {
    throw referenceError(input, { kind: 'looksLikeImageId', path })
  }
  if (path !== path.toLowerCase()) {
    throw referenceError(input, { kind: 'notLowercase', path })
  }
  for (const component of path.split('/')) {
    if (component === '') {
      throw referenceError(input, { kind: 'emptyPathComponent', path })
    }
    if (!PATH_COMPONENT_GRAMMAR.test(component)) {
      throw referenceError(input, { kind: 'badPathComponent', component })
    }
  }

  const repository = registry === DEFAULT_REGISTRY && !path.includes('/') ? `library/${path}` : path
  const fullName = `${registry}/${repository}`
  if (fullName.length > NAME_TOTAL_LENGTH_MAX) {
    throw referenceError(input, {
      kind: 'nameTooLong',
      name: fullName,
      length: fullName.length,
      max: NAME_TOTAL_LENGTH_MAX,
    })
  }
  return { registry, repository, tag, digest }
}

function splitRegistry(input: string, name: string): { registry: string; remainder: string } {
  const slash = name.indexOf('/')
  const first = slash < 0 ? '' : name.slice(0, slash)
  const isRegistry =
    slash >= 0 &&
    (first.includes('.') || first.includes(':') || first === 'localhost' || first.startsWith('['))
  if (!isRegistry) return { registry: DEFAULT_REGISTRY, remainder: name }
  if (!DOMAIN_GRAMMAR.test(first)) {
    throw referenceError(input, { kind: 'badRegistry', host: first })
  }
  const registry = first === LEGACY_DEFAULT_REGISTRY ? DEFAULT_REGISTRY : first
  return { registry, remainder: name.slice(slash + 1) }
}
