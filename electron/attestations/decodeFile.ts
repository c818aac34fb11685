// A file from inside a layer opened as a signature, attestation or SBOM: one document, or an
// in-toto .jsonl file (one statement or envelope per line, as buildkit and witness write them).

import type { DecodedItem } from '../../shared/api/attestations'
import { decodeDocument, decodePart, type PartContext } from './decodePart'
import { parseJson } from './jsonFields'
import { MAX_JSONL_LINES } from './limits'
import { rawPart } from './rawPart'

const encoder = new TextEncoder()

export function decodeFileBytes(
  path: string,
  bytes: Uint8Array,
  context: PartContext,
): { readonly items: DecodedItem[]; readonly warnings: string[] } {
  const name = path.split('/').pop() ?? path
  if (!/\.jsonl$/i.test(name)) {
    return {
      items: [{ label: name, size: bytes.length, part: decodePart(bytes, context) }],
      warnings: [],
    }
  }
  const lines = new TextDecoder('utf-8', { fatal: false })
    .decode(bytes)
    .split('\n')
    .map((line, at) => ({ line: line.trim(), number: at + 1 }))
    .filter((l) => l.line !== '')
  const warnings =
    lines.length > MAX_JSONL_LINES
      ? [`Only the first ${MAX_JSONL_LINES} of ${lines.length} lines were decoded.`]
      : []
  const items = lines.slice(0, MAX_JSONL_LINES).map(({ line, number }): DecodedItem => {
    const lineBytes = encoder.encode(line)
    const parsed = parseJson(line)
    return {
      label: `${name} line ${number}`,
      size: lineBytes.length,
      part: parsed.ok
        ? decodeDocument(parsed.value, lineBytes, context)
        : rawPart(lineBytes, `Line ${number} is ${parsed.reason}.`),
    }
  })
  return { items, warnings }
}
