// cosign's Rekor bundle annotation (dev.sigstore.cosign/bundle): where the transparency log
// recorded a signature. Decoded for display; the signed entry timestamp is not checked.

import type { TransparencyLogEntry } from '../../shared/api/attestations'
import { isRecord, num, parseJson, rec, str, utf8 } from './jsonFields'
import { fromBase64 } from './verifySignature'

/** cosign's bundle annotation: {"SignedEntryTimestamp", "Payload": {body, integratedTime, logIndex, logID}}. */
export function readRekorBundle(text: string): TransparencyLogEntry | undefined {
  const parsed = parseJson(text)
  if (!parsed.ok) return undefined
  const payload = rec(parsed.value, 'Payload')
  if (payload === undefined) return undefined
  const integrated = num(payload, 'integratedTime')
  const logIndex = num(payload, 'logIndex')
  const logId = str(payload, 'logID')
  const body = str(payload, 'body')
  const kind = body !== undefined ? entryKind(body) : undefined
  return {
    ...(logIndex !== undefined ? { logIndex } : {}),
    ...(integrated !== undefined
      ? { integratedTime: new Date(integrated * 1000).toISOString() }
      : {}),
    ...(logId !== undefined ? { logId } : {}),
    ...(kind !== undefined ? { kind } : {}),
  }
}

/** A Rekor entry body (base64 JSON) → "hashedrekord 0.0.1". */
function entryKind(base64: string): string | undefined {
  const bytes = fromBase64(base64)
  if (bytes === undefined) return undefined
  const text = utf8(bytes)
  if (text === undefined) return undefined
  const parsed = parseJson(text)
  if (!parsed.ok || !isRecord(parsed.value)) return undefined
  const kind = str(parsed.value, 'kind')
  const version = str(parsed.value, 'apiVersion')
  return kind === undefined ? undefined : version !== undefined ? `${kind} ${version}` : kind
}
