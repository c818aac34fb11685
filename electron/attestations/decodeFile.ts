// A file from inside a layer opened as a signature, attestation or SBOM: one document, or an
// in-toto .jsonl file (one statement or envelope per line, as buildkit and witness write them).

import type { AttestationWarning, DecodedItem } from '../../shared/api/attestations'
import { decodeDocument, decodePart, type PartContext } from './decodePart'
import { parseJson } from './jsonFields'
import { MAX_JSONL_LINES } from './limits'
import { rawPart } from './rawPart'

const encoder = new TextEncoder()

export function decodeFileBytes(
  path: string,
  bytes: Uint8Array,
  context: PartContext,
): { readonly items: DecodedItem[]; readonly warnings: AttestationWarning[] } {
  const name = path.split('/').pop() ?? path
  if (!/\.jsonl$/i.test(name)) {
    return {
      items: [
        { label: { kind: 'file', name }, size: bytes.length, part: decodePart(bytes, context) },
      ],
      warnings: [],
    }
  }
  const lines = new TextDecoder('utf-8', { fatal: false })
    .decode(bytes)
    .split('\n')
    .map((line, at) => ({ line: line.trim(), number: at + 1 }))
    .filter((l) => l.line !== '')
  const warnings: AttestationWarning[] =
    lines.length > MAX_JSONL_LINES
      ? [{ kind: 'linesCapped', decoded: MAX_JSONL_LINES, total: lines.length }]
      : []
  const items = lines.slice(0, MAX_JSONL_LINES).map(({ line, number }): DecodedItem => {
    const lineBytes = encoder.encode(line)
    const parsed = parseJson(line)
    return {
      label: { kind: 'line', file: name, line: number },
      size: lineBytes.length,
      part: parsed.ok
        ? decodeDocument(parsed.value, lineBytes, context)
        : rawPart(lineBytes, { kind: 'notJson', bytes: 'document' }),
    }
  })
  return { items, warnings }
}
