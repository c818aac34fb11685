// The "Recently opened" list: local sources (paths, podman and Docker images) the user opened,
// newest first. Pure functions over a plain list so they can be tested without a browser;
// recentRefsStore.ts keeps the list in localStorage.
import { parseSourceRef, type Transport } from '../../../shared/sourceRef'

export const RECENT_LIMIT = 10

/** A local source: anything but a registry reference. Unparseable text is not recorded. */
export function isLocalRef(ref: string): boolean {
  try {
    return parseSourceRef(ref).transport !== 'docker'
  } catch {
    return false
  }
}

/** The list as stored; anything damaged or foreign in storage reads as an empty list. */
export function parseRecentRefs(stored: string | null | undefined): string[] {
  if (!stored) return []
  try {
    const value: unknown = JSON.parse(stored)
    if (!Array.isArray(value)) return []
    const refs = value.filter((item): item is string => typeof item === 'string' && item !== '')
    return [...new Set(refs)].slice(0, RECENT_LIMIT)
  } catch {
    return []
  }
}

/** `ref` moved (or added) to the front; at most `limit` entries, no duplicates. */
export function addRecentRef(
  list: readonly string[],
  ref: string,
  limit = RECENT_LIMIT,
): readonly string[] {
  const text = ref.trim()
  if (!isLocalRef(text)) return list
  if (list[0] === text) return list
  return [text, ...list.filter((item) => item !== text)].slice(0, limit)
}

export interface RecentRefLabel {
  /** The transport, shown as a small chip: "oci", "docker-archive", "containers-storage". */
  readonly transport: Transport
  /** What the user recognises: the file or folder name, or the image name. */
  readonly name: string
  /** The rest (the folder a path is in, the store), shown muted; empty when there is none. */
  readonly where: string
}

/** How one recent reference is shown: "app.tar" in "/home/me/images", with its transport. */
export function recentRefLabel(ref: string): RecentRefLabel | undefined {
  let source
  try {
    source = parseSourceRef(ref)
  } catch {
    return undefined
  }
  switch (source.transport) {
    case 'oci':
    case 'oci-archive':
    case 'docker-archive':
    case 'dir': {
      const { name, where } = splitPath(source.path)
      const reference = 'reference' in source ? source.reference : undefined
      return {
        transport: source.transport,
        name: reference ? `${name} : ${reference}` : name,
        where,
      }
    }
    case 'containers-storage':
      return {
        transport: source.transport,
        name: source.image,
        where: source.store?.graphRoot ?? '',
      }
    case 'docker-daemon':
      return { transport: source.transport, name: source.image, where: '' }
    case 'containerd':
      return { transport: source.transport, name: source.image, where: source.namespace }
    case 'docker':
      return undefined
  }
}

function splitPath(path: string): { name: string; where: string } {
  const trimmed = path.length > 1 ? path.replace(/\/+$/, '') : path
  const slash = trimmed.lastIndexOf('/')
  if (slash < 0) return { name: trimmed, where: '' }
  return { name: trimmed.slice(slash + 1) || '/', where: trimmed.slice(0, slash) || '/' }
}
