// Turns a parsed JSON document into lines of typed tokens, so JsonView can render it with React
// elements only (never as HTML) and make every digest a link. Pure, so it is unit-tested.
import { isDigest } from '../../../shared/digest'

export type JsonToken =
  | { readonly kind: 'punct'; readonly text: string }
  | { readonly kind: 'key'; readonly text: string }
  | { readonly kind: 'string' | 'number' | 'boolean' | 'null'; readonly text: string }
  | {
      readonly kind: 'digest'
      readonly text: string
      readonly digest: string
      /** The sibling `mediaType` when this is the `digest` of a descriptor. */
      readonly mediaType?: string
      /** An entry of rootfs.diff_ids: the digest of an uncompressed layer, never stored. */
      readonly diffId: boolean
    }

export interface JsonLine {
  readonly indent: number
  readonly tokens: readonly JsonToken[]
}

interface Context {
  readonly key?: string
  readonly siblings?: Readonly<Record<string, unknown>>
  readonly inDiffIds: boolean
}

const punct = (text: string): JsonToken => ({ kind: 'punct', text })

function scalarToken(value: unknown, context: Context): JsonToken {
  if (typeof value === 'string') {
    if (isDigest(value)) {
      const mediaType =
        context.key === 'digest' && typeof context.siblings?.['mediaType'] === 'string'
          ? context.siblings['mediaType']
          : undefined
      return {
        kind: 'digest',
        text: JSON.stringify(value),
        digest: value,
        ...(mediaType !== undefined && { mediaType }),
        diffId: context.inDiffIds,
      }
    }
    return { kind: 'string', text: JSON.stringify(value) }
  }
  if (typeof value === 'number') return { kind: 'number', text: String(value) }
  if (typeof value === 'boolean') return { kind: 'boolean', text: String(value) }
  return { kind: 'null', text: 'null' }
}

function walk(
  value: unknown,
  indent: number,
  lead: readonly JsonToken[],
  trail: string,
  context: Context,
  out: JsonLine[],
): void {
  const trailTokens = trail ? [punct(trail)] : []
  if (Array.isArray(value)) {
    const items: readonly unknown[] = value
    if (items.length === 0) {
      out.push({ indent, tokens: [...lead, punct('[]'), ...trailTokens] })
      return
    }
    out.push({ indent, tokens: [...lead, punct('[')] })
    const inDiffIds = context.inDiffIds || context.key === 'diff_ids'
    items.forEach((item, i) => {
      walk(item, indent + 1, [], i < items.length - 1 ? ',' : '', { inDiffIds }, out)
    })
    out.push({ indent, tokens: [punct(']'), ...trailTokens] })
    return
  }
  if (typeof value === 'object' && value !== null) {
    const record = value as Readonly<Record<string, unknown>>
    const entries = Object.entries(record)
    if (entries.length === 0) {
      out.push({ indent, tokens: [...lead, punct('{}'), ...trailTokens] })
      return
    }
    out.push({ indent, tokens: [...lead, punct('{')] })
    entries.forEach(([key, child], i) => {
      walk(
        child,
        indent + 1,
        [{ kind: 'key', text: JSON.stringify(key) }, punct(': ')],
        i < entries.length - 1 ? ',' : '',
        { key, siblings: record, inDiffIds: context.inDiffIds },
        out,
      )
    })
    out.push({ indent, tokens: [punct('}'), ...trailTokens] })
    return
  }
  out.push({ indent, tokens: [...lead, scalarToken(value, context), ...trailTokens] })
}

export function jsonLines(value: unknown): readonly JsonLine[] {
  const out: JsonLine[] = []
  walk(value, 0, [], '', { inDiffIds: false }, out)
  return out
}

/** Parses document text; undefined when it is not JSON (shown raw instead). */
export function parseDocument(text: string): { readonly value: unknown } | undefined {
  try {
    return { value: JSON.parse(text) as unknown }
  } catch {
    return undefined
  }
}
