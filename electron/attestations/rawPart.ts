// A part Strata could not decode, shown raw with the reason: the first bytes as text when
// they are text, only their size when they are binary.

import type { RawPart, RawReason } from '../../shared/api/attestations'
import { MAX_RAW_PREVIEW } from './limits'

export function rawPart(bytes: Uint8Array, reason: RawReason): RawPart {
  const head = bytes.subarray(0, MAX_RAW_PREVIEW)
  const text = new TextDecoder('utf-8', { fatal: false }).decode(head)
  // eslint-disable-next-line no-control-regex
  const binary = /[\u0000-\u0008\u000e-\u001f]/.test(text) || text.includes('\ufffd')
  return {
    kind: 'raw',
    reason,
    preview: binary
      ? { kind: 'binary', size: bytes.length }
      : { kind: 'text', text, truncated: bytes.length > MAX_RAW_PREVIEW },
  }
}
