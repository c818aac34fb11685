// DSSE's Pre-Authentication Encoding: what a DSSE signature actually signs.
// PAE(type, body) = "DSSEv1" SP LEN(type) SP type SP LEN(body) SP body, lengths in ASCII
// decimal bytes (https://github.com/secure-systems-lab/dsse/blob/master/protocol.md).

const encoder = new TextEncoder()

export function preAuthEncoding(payloadType: string, payload: Uint8Array): Uint8Array {
  const type = encoder.encode(payloadType)
  const head = encoder.encode(`DSSEv1 ${type.length} ${payloadType} ${payload.length} `)
  const out = new Uint8Array(head.length + payload.length)
  out.set(head, 0)
  out.set(payload, head.length)
  return out
}
