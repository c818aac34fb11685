// Source references in the transport syntax skopeo and podman use:
//   docker://REF  oci:PATH[:REF]  oci-archive:PATH[:REF]  docker-archive:PATH[:NAME:TAG|:@N]
//   dir:PATH  containers-storage:[driver@graphroot+runroot]IMAGE  docker-daemon:IMAGE
//   containerd:[NAMESPACE]NAME[:TAG|@DIGEST] (namespace "default" when absent)
//   container:docker-daemon:NAME_OR_ID  container:containers-storage:[driver@graphroot+runroot]NAME_OR_ID
//   (a container: its image with its writable layer on top)
// A bare image reference ("alpine:3.20", "localhost:5000/app") means docker://.
//
// Where a path ends (paths may themselves contain ':'):
// - oci, oci-archive: at the LAST ':' when what follows has no '/' ("oci:/tmp/a:b" is path
//   /tmp/a, reference b). A trailing ":sha256:<hex>" or ":sha512:<hex>" is a digest reference.
// - docker-archive: at the FIRST ':' after which the rest parses as an image reference or an
//   "@N" index ("docker-archive:/tmp/x.tar:alpine:3.20").
// - For all three, a trailing ':' means "no reference, the path is everything before it". That
//   is how formatSourceRef writes a path that contains ':' so the result parses back the same.

import { isDigest, parseDigest } from './digest'
import type { ImageReference } from './reference'
import {
  DEFAULT_CONTAINERD_NAMESPACE,
  formatStore,
  parseContainer,
  parseContainerd,
  parseContainersStorage,
} from './bracketedRefs'
import { familiarName, formatReference, parseReference } from './reference'
import { referenceError } from './referenceProblem'

export type SourceRef =
  | { readonly transport: 'docker'; readonly image: ImageReference }
  | {
      readonly transport: 'oci' | 'oci-archive'
      readonly path: string
      readonly reference?: string
    }
  | { readonly transport: 'docker-archive'; readonly path: string; readonly reference?: string }
  | { readonly transport: 'dir'; readonly path: string }
  | {
      readonly transport: 'containers-storage'
      readonly store?: StorageSpec
      readonly image: string
    }
  | { readonly transport: 'docker-daemon'; readonly image: string }
  | { readonly transport: 'containerd'; readonly namespace: string; readonly image: string }
  | {
      readonly transport: 'container'
      readonly store: ContainerStoreKind
      /** containers-storage only: the bracketed store; absent means the default store. */
      readonly storage?: StorageSpec
      /** A container name or ID (or a unique ID prefix). */
      readonly container: string
    }

/** The stores whose containers Strata opens. */
export type ContainerStoreKind = 'docker-daemon' | 'containers-storage'

/** A containers-storage store named in brackets: "[driver@graphroot+runroot]". */
export interface StorageSpec {
  readonly driver?: string
  readonly graphRoot: string
  readonly runRoot?: string
}

export type Transport = SourceRef['transport']

export const TRANSPORTS: readonly { transport: Transport; syntax: string; description: string }[] =
  [
    {
      transport: 'docker',
      syntax: 'docker://HOST/REPOSITORY[:TAG][@DIGEST]',
      description: 'An image in a registry (a bare reference such as "alpine:3.20" means this).',
    },
    {
      transport: 'oci',
      syntax: 'oci:PATH[:REFERENCE]',
      description: 'An OCI image layout directory; REFERENCE is a tag name or a digest.',
    },
    {
      transport: 'oci-archive',
      syntax: 'oci-archive:PATH[:REFERENCE]',
      description: 'A tar file holding an OCI image layout.',
    },
    {
      transport: 'docker-archive',
      syntax: 'docker-archive:PATH[:NAME:TAG|:@INDEX]',
      description: 'A tar file written by "docker save".',
    },
    {
      transport: 'dir',
      syntax: 'dir:PATH',
      description: 'A directory with a manifest.json and one file per blob (skopeo copy to dir:).',
    },
    {
      transport: 'containers-storage',
      syntax: 'containers-storage:[DRIVER@GRAPHROOT+RUNROOT]IMAGE',
      description: 'An image in the local podman / buildah store; the bracketed store is optional.',
    },
    {
      transport: 'docker-daemon',
      syntax: 'docker-daemon:NAME:TAG',
      description: 'An image held by the local Docker Engine.',
    },
    {
      transport: 'containerd',
      syntax: 'containerd:[NAMESPACE]NAME[:TAG|@DIGEST]',
      description:
        'An image held by containerd (nerdctl, k3s, Kubernetes nodes); namespace "default" when absent.',
    },
    {
      transport: 'container',
      syntax:
        'container:docker-daemon:NAME|ID, container:containers-storage:[DRIVER@GRAPHROOT+RUNROOT]NAME|ID',
      description:
        "A container of the Docker daemon or of podman's store: its image with its writable layer on top (read only).",
    },
  ]

const KNOWN = TRANSPORTS.map((t) => t.transport) as readonly string[]
const DOCKER_SCHEME = 'docker://'
const DIGEST_SUFFIX = /:((?:sha256|sha512):[a-f0-9]+)$/
const ARCHIVE_INDEX = /^@[0-9]+$/

/** Parses a source reference (input is trimmed); throws BAD_INPUT saying what is wrong. */
export function parseSourceRef(input: string): SourceRef {
  const text = input.trim()
  if (text === '') throw referenceError(input, { kind: 'emptySource' })
  if (text.startsWith(DOCKER_SCHEME)) return { transport: 'docker', image: parseReference(text) }

  const colon = text.indexOf(':')
  const prefix = colon < 0 ? '' : text.slice(0, colon)
  const rest = text.slice(colon + 1)
  switch (prefix) {
    case 'oci':
    case 'oci-archive':
      return { transport: prefix, ...splitOciPath(input, rest) }
    case 'docker-archive':
      return { transport: 'docker-archive', ...splitDockerArchivePath(input, rest) }
    case 'dir':
      return { transport: 'dir', path: requirePath(input, rest) }
    case 'containers-storage':
      return parseContainersStorage(input, rest)
    case 'docker-daemon':
      return { transport: 'docker-daemon', image: parseDaemonImage(input, rest) }
    case 'containerd':
      return parseContainerd(input, rest)
    case 'container':
      return parseContainer(input, rest)
  }

  try {
    return { transport: 'docker', image: parseReference(text) }
  } catch (error) {
    // "docker:latest" is the docker image, but "docker:x/y" meant the docker:// transport.
    if (prefix === 'docker') {
      throw referenceError(input, {
        kind: 'registryNeedsScheme',
        written: rest.replace(/^\/+/, ''),
      })
    }
    // "xyz:/some/path" is an unknown transport, not a reference with a strange tag; but
    // "myhost:5000/App" is a registry host:port and keeps the reference's own message.
    const isHostPort = /^[0-9]+(?:\/|$)/.test(rest)
    if (/^[a-z][a-z0-9-]*$/.test(prefix) && !isHostPort && /^[/.~]|\//.test(rest)) {
      throw referenceError(input, {
        kind: 'unknownTransport',
        prefix,
        known: KNOWN.map((t) => (t === 'docker' ? 'docker://' : `${t}:`)).join(', '),
      })
    }
    throw error
  }
}

/** Canonical text for a source; parseSourceRef(formatSourceRef(ref)) gives ref back. */
export function formatSourceRef(ref: SourceRef): string {
  switch (ref.transport) {
    case 'docker':
      return DOCKER_SCHEME + formatReference(ref.image)
    case 'oci':
    case 'oci-archive':
    case 'docker-archive':
      if (ref.reference !== undefined && ref.reference !== '') {
        return `${ref.transport}:${ref.path}:${ref.reference}`
      }
      // A trailing ':' keeps a path that contains ':' from being split on the way back.
      return `${ref.transport}:${ref.path}${ref.path.includes(':') ? ':' : ''}`
    case 'dir':
      return `dir:${ref.path}`
    case 'containers-storage':
      return `containers-storage:${formatStore(ref.store)}${ref.image}`
    case 'docker-daemon':
      return `docker-daemon:${ref.image}`
    case 'containerd':
      return `containerd:${ref.namespace === DEFAULT_CONTAINERD_NAMESPACE ? '' : `[${ref.namespace}]`}${ref.image}`
    case 'container':
      return `container:${ref.store}:${ref.store === 'containers-storage' ? formatStore(ref.storage) : ''}${ref.container}`
  }
}

/**
 * The same repository or location pinned to a manifest digest: docker drops the tag and sets
 * the digest, oci layouts use the digest as reference, containers-storage and docker-daemon
 * name the image by repository@digest. dir: and docker-archive: hold one image per reference
 * already and come back unchanged, as do local images named by ID.
 */
export function withDigest(ref: SourceRef, digest: string): SourceRef {
  parseDigest(digest)
  switch (ref.transport) {
    case 'docker':
      return {
        transport: 'docker',
        image: { registry: ref.image.registry, repository: ref.image.repository, digest },
      }
    case 'oci':
    case 'oci-archive':
      return { transport: ref.transport, path: ref.path, reference: digest }
    case 'containers-storage': {
      const pinned = pinImageName(ref.image, digest)
      if (pinned === undefined) return ref
      const image = formatReference(pinned)
      return ref.store === undefined
        ? { transport: ref.transport, image }
        : { transport: ref.transport, store: ref.store, image }
    }
    case 'docker-daemon': {
      const pinned = pinImageName(ref.image, digest)
      return pinned === undefined ? ref : { transport: ref.transport, image: familiarName(pinned) }
    }
    case 'containerd': {
      const pinned = pinImageName(ref.image, digest)
      const image = pinned === undefined ? ref.image : formatReference(pinned)
      return { transport: ref.transport, namespace: ref.namespace, image }
    }
    case 'dir':
    case 'docker-archive':
    case 'container':
      return ref
  }
}

function pinImageName(image: string, digest: string): ImageReference | undefined {
  if (isDigest(image) || /^[a-f0-9]{12,64}$/.test(image)) return undefined // an image ID
  try {
    const parsed = parseReference(image)
    return { registry: parsed.registry, repository: parsed.repository, digest }
  } catch {
    return undefined
  }
}

function requirePath(input: string, path: string): string {
  if (path === '') throw referenceError(input, { kind: 'noPath', text: input.trim() })
  return path
}

function withOptionalReference(
  input: string,
  path: string,
  reference: string | undefined,
): { path: string; reference?: string } {
  const checked = requirePath(input, path)
  return reference === undefined ? { path: checked } : { path: checked, reference }
}

function splitOciPath(input: string, rest: string): { path: string; reference?: string } {
  if (rest.endsWith(':')) return withOptionalReference(input, rest.slice(0, -1), undefined)
  const digest = DIGEST_SUFFIX.exec(rest)
  if (digest?.[1] !== undefined && isDigest(digest[1])) {
    return withOptionalReference(input, rest.slice(0, digest.index), digest[1])
  }
  const last = rest.lastIndexOf(':')
  if (last < 0) return withOptionalReference(input, rest, undefined)
  const reference = rest.slice(last + 1)
  if (reference.includes('/')) return withOptionalReference(input, rest, undefined)
  return withOptionalReference(input, rest.slice(0, last), reference)
}

function splitDockerArchivePath(input: string, rest: string): { path: string; reference?: string } {
  if (rest.endsWith(':')) return withOptionalReference(input, rest.slice(0, -1), undefined)
  for (let i = rest.indexOf(':'); i >= 0; i = rest.indexOf(':', i + 1)) {
    const candidate = rest.slice(i + 1)
    if (ARCHIVE_INDEX.test(candidate) || parsesAsReference(candidate)) {
      return withOptionalReference(input, rest.slice(0, i), candidate)
    }
  }
  return withOptionalReference(input, rest, undefined)
}

function parsesAsReference(text: string): boolean {
  try {
    parseReference(text)
    return true
  } catch {
    return false
  }
}

function parseDaemonImage(input: string, image: string): string {
  if (image === '') throw referenceError(input, { kind: 'noImage', text: input.trim() })
  if (isDigest(image)) return image // an image ID: "sha256:<hex>"
  parseReference(image) // throws BAD_INPUT saying what is wrong with the name
  return image
}
