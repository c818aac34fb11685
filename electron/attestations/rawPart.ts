// A part Strata could not decode, shown raw with the reason: the first bytes as text when
// they are text, a note when they are binary.

import type { RawPart } from '../../shared/api/attestations'
import { MAX_RAW_PREVIEW } from './limits'

export function rawPart(bytes: Uint8Array, reason: string): RawPart {
  const head = bytes.subarray(0, MAX_RAW_PREVIEW)
  const text = new TextDecoder('utf-8', { fatal: false }).decode(head)
  // eslint-disable-next-line no-control-regex
  const binary = /[\u0000-\u0008\u000e-\u001f]/.test(text) || text.includes('\ufffd')
  return {
    kind: 'raw',
    reason,
    preview: binary ? `(${bytes.length} bytes of binary data, not shown as text)` : text,
    truncated: !binary && bytes.length > MAX_RAW_PREVIEW,
  }
}
