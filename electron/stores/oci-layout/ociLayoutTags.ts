// The tags of an OCI image layout: the `org.opencontainers.image.ref.name` annotations of the
// entries index.json lists (image-layout.md), so the Tags and History views work on a layout
// offline, as they do on a registry repository. Read-only; paged like a registry's tag list.

import type { Page } from '../../../shared/api'
import type { Descriptor } from '../../../shared/oci/types'
import { StrataError } from '../../../shared/errors'
import { parseSourceRef } from '../../../shared/sourceRef'
import { checkLayoutDirectory, readLayoutIndex, REF_NAME_ANNOTATION } from './ociLayoutIndex'

const DEFAULT_PAGE_SIZE = 100

export interface LayoutTagOptions {
  /** The last tag of the previous page (as a registry's `last`). */
  readonly cursor?: string | undefined
  readonly pageSize?: number | undefined
  readonly signal?: AbortSignal
}

/** The layout directory an "oci:/path" reference names when it names no image in it. */
export function layoutOfRepositoryRef(ref: string): string | undefined {
  try {
    const source = parseSourceRef(ref)
    return source.transport === 'oci' && (source.reference ?? '') === '' ? source.path : undefined
  } catch {
    return undefined
  }
}

/** Every tag of the layout with the entry it names, sorted by name, each tag once. */
export async function readLayoutTags(
  root: string,
  signal?: AbortSignal,
): Promise<ReadonlyMap<string, Descriptor>> {
  signal?.throwIfAborted()
  await checkLayoutDirectory(root)
  const layout = await readLayoutIndex(root)
  signal?.throwIfAborted()
  const tags = new Map<string, Descriptor>()
  for (const entry of layout.index.manifests) {
    const name = entry.annotations?.[REF_NAME_ANNOTATION]
    // The first entry with a name wins, as when the layout is opened by that name.
    if (name !== undefined && name !== '' && !tags.has(name)) tags.set(name, entry)
  }
  return new Map([...tags].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
}

/** One page of the layout's tag names, after `cursor`. */
export async function listLayoutTags(
  root: string,
  options: LayoutTagOptions = {},
): Promise<Page<string>> {
  const names = [...(await readLayoutTags(root, options.signal)).keys()]
  const size = options.pageSize ?? DEFAULT_PAGE_SIZE
  const cursor = options.cursor
  const start = cursor === undefined ? 0 : names.findIndex((name) => name > cursor)
  const from = start < 0 ? names.length : start
  const items = names.slice(from, from + size)
  const last = items[items.length - 1]
  return from + size < names.length && last !== undefined ? { items, next: last } : { items }
}

/** The entry a tag names in the layout; NOT_FOUND saying where when it names none. */
export async function resolveLayoutTag(
  root: string,
  tag: string,
  signal?: AbortSignal,
): Promise<Descriptor> {
  const entry = (await readLayoutTags(root, signal)).get(tag)
  if (entry === undefined) {
    throw new StrataError('NOT_FOUND', `The OCI layout ${root} has no image named "${tag}".`, {
      subject: `${root}:${tag}`,
    })
  }
  return entry
}

/**
 * The name tag history stores layout observations under, the layout's path being the
 * repository. Not a host a registry reference can name (no dot, port or "localhost").
 */
export const LAYOUT_TAG_REGISTRY = 'oci'

/** A layout as tag history reads a repository: list its tags, resolve one to its entry. */
export const layoutTagLister = {
  registry: LAYOUT_TAG_REGISTRY,
  listTags: (
    root: string,
    options: {
      readonly cursor?: string
      readonly pageSize?: number
      readonly signal?: AbortSignal
    } = {},
  ): Promise<Page<string>> => listLayoutTags(root, options),
  resolve: (
    root: string,
    reference: string,
    options: { readonly signal?: AbortSignal } = {},
  ): Promise<Descriptor> => resolveLayoutTag(root, reference, options.signal),
}
