// Docker image manifest v2 schema 1: the digest rule for signed documents and what each layer's
// history entry says. Pure (no node:* imports): the renderer reads the same layer list.
//
// A signed schema 1 manifest is a "pretty JWS": the JSON document with a "signatures" array
// spliced in before its closing brace. Its digest is the sha256 of the document WITHOUT the
// signatures, and registries re-sign it on every GET (distribution signs with its own key), so
// the bytes on the wire change from request to request while the digest does not. Each
// signature's protected header says how to cut the unsigned payload back out: the first
// `formatLength` bytes, followed by the base64url-decoded `formatTail` (usually "\n}").

import { StrataError } from '../errors'

/**
 * The bytes a signed schema 1 manifest's digest is computed over, or undefined when the
 * document carries no signatures (an unsigned schema 1 document is hashed whole). Throws
 * MALFORMED when the signatures' protected headers cannot be read or disagree.
 */
export function schema1SignedPayload(bytes: Uint8Array): Uint8Array | undefined {
  const doc = decodeObject(bytes)
  if (doc === undefined || doc.schemaVersion !== 1) return undefined
  const signatures = doc.signatures
  if (!Array.isArray(signatures) || signatures.length === 0) return undefined
  let cut: { readonly length: number; readonly tail: Uint8Array } | undefined
  for (const signature of signatures as readonly unknown[]) {
    const header = protectedHeader(signature)
    if (header.length > bytes.length) {
      throw malformed(`its formatLength ${header.length} is past the end of the document`)
    }
    if (cut !== undefined && (cut.length !== header.length || !sameBytes(cut.tail, header.tail))) {
      throw malformed('its signatures disagree on where the signed payload ends')
    }
    cut = header
  }
  if (cut === undefined) return undefined
  const payload = new Uint8Array(cut.length + cut.tail.length)
  payload.set(bytes.subarray(0, cut.length), 0)
  payload.set(cut.tail, cut.length)
  return payload
}

/** One entry of fsLayers with what its history entry (same index) says about it. */
export interface Schema1Layer {
  /** Index in fsLayers and history: 0 is the TOP layer, the last one the base. */
  readonly position: number
  readonly blobSum: string
  /** The v1 image id this layer had, and its parent's. */
  readonly id?: string
  readonly parent?: string
  readonly created?: string
  /** container_config.Cmd joined with spaces: the build step that made the layer. */
  readonly command?: string
  /** True when the step only changed settings (its blob is the empty tar). */
  readonly throwaway: boolean
}

/**
 * fsLayers[i] paired with history[i].v1Compatibility (a JSON string, the legacy per-layer
 * image config), read defensively from an untrusted document.
 */
export function schema1Layers(doc: unknown): readonly Schema1Layer[] {
  if (!isRecord(doc) || !Array.isArray(doc.fsLayers)) return []
  const history = Array.isArray(doc.history) ? (doc.history as readonly unknown[]) : []
  const layers: Schema1Layer[] = []
  ;(doc.fsLayers as readonly unknown[]).forEach((entry, position) => {
    if (!isRecord(entry) || typeof entry.blobSum !== 'string') return
    const item = history[position]
    const compat =
      isRecord(item) && typeof item.v1Compatibility === 'string'
        ? parseObjectText(item.v1Compatibility)
        : undefined
    layers.push({ position, blobSum: entry.blobSum, ...describeCompat(compat) })
  })
  return layers
}

function describeCompat(
  compat: Record<string, unknown> | undefined,
): Omit<Schema1Layer, 'position' | 'blobSum'> {
  if (compat === undefined) return { throwaway: false }
  const runtime = isRecord(compat.container_config) ? compat.container_config : undefined
  const cmd = runtime !== undefined && Array.isArray(runtime.Cmd) ? runtime.Cmd : undefined
  const command = cmd?.filter((part): part is string => typeof part === 'string').join(' ')
  const text = (key: string): string | undefined =>
    typeof compat[key] === 'string' ? compat[key] : undefined
  const id = text('id')
  const parent = text('parent')
  const created = text('created')
  return {
    ...(id !== undefined ? { id } : {}),
    ...(parent !== undefined ? { parent } : {}),
    ...(created !== undefined ? { created } : {}),
    ...(command !== undefined && command !== '' ? { command } : {}),
    throwaway: compat.throwaway === true,
  }
}

function protectedHeader(signature: unknown): { length: number; tail: Uint8Array } {
  const encoded = isRecord(signature) ? signature.protected : undefined
  if (typeof encoded !== 'string') throw malformed('a signature has no protected header')
  const header = parseObjectText(decodeText(base64UrlBytes(encoded)))
  const length = header?.formatLength
  const tail = header?.formatTail
  if (typeof length !== 'number' || !Number.isSafeInteger(length) || length < 0) {
    throw malformed('a protected header has no usable formatLength')
  }
  if (typeof tail !== 'string') throw malformed('a protected header has no formatTail')
  return { length, tail: base64UrlBytes(tail) }
}

/** RFC 4648 section 5 (url-safe alphabet, padding optional), via atob (Node 20 and browsers). */
export function base64UrlBytes(text: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*={0,2}$/.test(text)) throw malformed('a protected header is not base64url')
  const standard = text.replace(/=+$/, '').replace(/-/g, '+').replace(/_/g, '/')
  if (standard.length % 4 === 1) throw malformed('a protected header is not base64url')
  const binary = atob(standard + '='.repeat((4 - (standard.length % 4)) % 4))
  return Uint8Array.from(binary, (char) => char.charCodeAt(0))
}

function decodeObject(bytes: Uint8Array): Record<string, unknown> | undefined {
  try {
    return parseObjectText(new TextDecoder('utf-8', { fatal: true }).decode(bytes))
  } catch {
    return undefined
  }
}

function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    throw malformed('a protected header is not UTF-8 text')
  }
}

function parseObjectText(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text)
    return isRecord(value) ? value : undefined
  } catch {
    return undefined
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i])
}

function malformed(reason: string): StrataError {
  return new StrataError('MALFORMED', `signed schema 1 manifest cannot be verified: ${reason}`)
}
