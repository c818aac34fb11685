// The two small files that make a directory an OCI image layout (image-spec image-layout.md):
// `oci-layout` with its imageLayoutVersion, and `index.json`, the entry point whose
// descriptors carry `org.opencontainers.image.ref.name` annotations as tag names.

import { createHash } from 'node:crypto'
import { stat } from 'node:fs/promises'
import { join } from 'node:path'
import { isDigest } from '../../../shared/digest'
import { StrataError } from '../../../shared/errors'
import { MEDIA_TYPES } from '../../../shared/oci/mediaTypes'
import { MAX_MANIFEST_BYTES } from '../../../shared/oci/parseManifest'
import type { Descriptor, ImageIndex } from '../../../shared/oci/types'
import { readStoreFile } from '../../util/safeFile'
import { fileError } from '../../sources/blobFile'
import { parseLayoutIndexBytes } from './ociLayoutEntries'
import type { BrokenLayoutEntry } from './ociLayoutEntries'

export const LAYOUT_FILE = 'oci-layout'
export const INDEX_FILE = 'index.json'
export const REF_NAME_ANNOTATION = 'org.opencontainers.image.ref.name'
/** buildx and containerd exports also name images by their full reference here. */
export const CONTAINERD_NAME_ANNOTATION = 'io.containerd.image.name'
const TITLE_ANNOTATION = 'org.opencontainers.image.title'
/** Title of the descriptor for index.json itself, when the layout's whole index is the root. */
export const LAYOUT_INDEX_TITLE = 'index.json of the OCI layout'

const LAYOUT_EXPECTED = 'an OCI image layout: a directory holding oci-layout, index.json and blobs/'

export interface LayoutIndex {
  /** The index.json bytes as read, and a descriptor naming them. */
  readonly bytes: Uint8Array
  readonly descriptor: Descriptor
  readonly index: ImageIndex
  /** Entries set aside as unreadable (see ociLayoutEntries.ts); `index` lists the others. */
  readonly broken?: readonly BrokenLayoutEntry[]
}

/** Checks that `root` is a directory with a supported oci-layout file. */
export async function checkLayoutDirectory(root: string): Promise<void> {
  let isDirectory: boolean
  try {
    isDirectory = (await stat(root)).isDirectory()
  } catch (error) {
    throw fileError(error, root, LAYOUT_EXPECTED)
  }
  if (!isDirectory) {
    throw new StrataError(
      'BAD_INPUT',
      `${root} is a file, not a directory; expected ${LAYOUT_EXPECTED} (a tar of one opens as oci-archive:)`,
      { subject: root },
    )
  }
  const markerPath = join(root, LAYOUT_FILE)
  let marker: Buffer
  try {
    // Read without following links, as a regular file only, and never past 64 KiB.
    marker = Buffer.from(
      await readStoreFile(root, LAYOUT_FILE, 'the oci-layout file every OCI image layout has', {
        maxBytes: 64 * 1024,
        what: 'an oci-layout file',
      }),
    )
  } catch (error) {
    const mapped = fileError(error, markerPath, 'the oci-layout file every OCI image layout has')
    if (mapped.code !== 'NOT_FOUND') throw mapped
    throw new StrataError(
      'BAD_INPUT',
      `${root} is not an OCI image layout: it has no oci-layout file (expected ${LAYOUT_EXPECTED})`,
      { subject: root },
    )
  }
  const version = layoutVersion(marker)
  if (version === undefined) {
    throw new StrataError(
      'MALFORMED',
      `${markerPath} is not valid: expected JSON like {"imageLayoutVersion": "1.0.0"}`,
      { subject: markerPath },
    )
  }
  if (!/^1\.\d+\.\d+$/.test(version)) {
    throw new StrataError(
      'BAD_INPUT',
      /^[\w.+-]{1,32}$/.test(version)
        ? `${markerPath} says imageLayoutVersion "${version}"; Strata reads version 1.x layouts`
        : `${markerPath} has an imageLayoutVersion that is not a version number; Strata reads version 1.x layouts`,
      { subject: markerPath },
    )
  }
}

function layoutVersion(marker: Buffer): string | undefined {
  if (marker.length > 64 * 1024) return undefined
  try {
    const value = JSON.parse(marker.toString('utf8')) as unknown
    if (typeof value !== 'object' || value === null) return undefined
    const version = (value as { imageLayoutVersion?: unknown }).imageLayoutVersion
    return typeof version === 'string' ? version : undefined
  } catch {
    return undefined
  }
}

/** Reads and validates index.json (size-capped, parsed as an OCI image index). */
export async function readLayoutIndex(root: string): Promise<LayoutIndex> {
  const path = join(root, INDEX_FILE)
  let bytes: Uint8Array
  try {
    // No links, regular file only, capped while reading (a /dev/zero stat()s as 0 bytes).
    bytes = await readStoreFile(root, INDEX_FILE, `the index.json of ${LAYOUT_EXPECTED}`, {
      maxBytes: MAX_MANIFEST_BYTES,
      what: 'an index.json',
    })
  } catch (error) {
    throw fileError(error, path, `the index.json of ${LAYOUT_EXPECTED}`)
  }
  let read
  try {
    read = parseLayoutIndexBytes(bytes)
  } catch (error) {
    throw withPath(error, path)
  }
  const parsed = read.parsed
  if (parsed.kind !== 'index') {
    throw new StrataError(
      'MALFORMED',
      `${path} is not an image index (it parses as a ${parsed.kind})`,
      {
        subject: path,
      },
    )
  }
  const descriptor: Descriptor = {
    mediaType: MEDIA_TYPES.ociIndex,
    digest: `sha256:${createHash('sha256').update(bytes).digest('hex')}`,
    size: bytes.byteLength,
    annotations: { [TITLE_ANNOTATION]: LAYOUT_INDEX_TITLE },
  }
  return { bytes, descriptor, index: parsed.document, broken: read.broken }
}

/** Prefixes a StrataError's message with the file it came from. */
export function withPath(error: unknown, path: string): unknown {
  if (!(error instanceof StrataError)) return error
  return new StrataError(error.code, `${path}: ${error.message}`, {
    ...error.detail,
    subject: path,
  })
}

/** The names index.json gives an entry: its ref.name, and a containerd image name if any. */
export function refNamesOf(descriptor: Descriptor): readonly string[] {
  const names: string[] = []
  const refName = descriptor.annotations?.[REF_NAME_ANNOTATION]
  if (refName !== undefined) names.push(refName)
  const full = descriptor.annotations?.[CONTAINERD_NAME_ANNOTATION]
  if (full !== undefined) names.push(full)
  return names
}

export type LayoutTarget =
  | { readonly kind: 'entry'; readonly descriptor: Descriptor }
  /** A digest index.json does not list; the caller looks for the blob itself. */
  | { readonly kind: 'unlisted-digest'; readonly digest: string }
  /** No reference and several entries: index.json itself is the root. */
  | { readonly kind: 'layout-index' }

/**
 * Which entry a reference names. A digest matches by digest; anything else matches ref names.
 * No reference: the single entry, or the index.json itself when there are several.
 */
export function findInLayout(
  layout: LayoutIndex,
  root: string,
  reference: string | undefined,
): LayoutTarget {
  const entries = layout.index.manifests
  if (reference === undefined || reference === '') {
    const only = entries.length === 1 ? entries[0] : undefined
    if (only !== undefined) return { kind: 'entry', descriptor: only }
    if (entries.length === 0) {
      throw new StrataError('NOT_FOUND', `${join(root, INDEX_FILE)} lists no images`, {
        subject: root,
      })
    }
    return { kind: 'layout-index' }
  }
  if (isDigest(reference)) {
    const byDigest = entries.find((entry) => entry.digest === reference)
    return byDigest
      ? { kind: 'entry', descriptor: byDigest }
      : { kind: 'unlisted-digest', digest: reference }
  }
  const matches = entries.filter((entry) => refNamesOf(entry).includes(reference))
  const first = matches[0]
  if (first !== undefined && matches.every((m) => m.digest === first.digest)) {
    return { kind: 'entry', descriptor: first }
  }
  if (matches.length > 1) {
    throw new StrataError(
      'MALFORMED',
      `${join(root, INDEX_FILE)} names ${matches.length} different images "${reference}"; open one by digest instead`,
      { subject: reference },
    )
  }
  const known = entries.flatMap(refNamesOf)
  const hint =
    known.length > 0 ? `; it has ${known.slice(0, 10).join(', ')}` : '; it names no images'
  throw new StrataError(
    'NOT_FOUND',
    `no image named "${reference}" in the OCI layout ${root}${hint}`,
    {
      subject: reference,
    },
  )
}
