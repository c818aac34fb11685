// A blob read whole through its source's verifying stream, refused past the decode cap before
// a byte is read when the descriptor says so, and stopped at the cap when it does not.

import type { Descriptor } from '../../shared/oci/types'
import { StrataError } from '../../shared/errors'
import type { ImageSource } from '../sources/imageSource'
import { MAX_DECODE_BYTES } from './limits'

export function tooLarge(what: string, size: number): StrataError {
  return new StrataError(
    'TOO_LARGE',
    `${what} is ${size} bytes; Strata decodes signatures, attestations and SBOMs up to ${MAX_DECODE_BYTES} bytes.`,
    { subject: what },
  )
}

export async function readBlobCapped(
  source: ImageSource,
  descriptor: Descriptor,
  signal: AbortSignal,
): Promise<Uint8Array> {
  if (descriptor.size > MAX_DECODE_BYTES) throw tooLarge(descriptor.digest, descriptor.size)
  const stream = await source.openBlob(descriptor, { signal })
  const parts: Buffer[] = []
  let total = 0
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      total += chunk.length
      if (total > MAX_DECODE_BYTES) throw tooLarge(descriptor.digest, total)
      parts.push(chunk)
    }
  } finally {
    stream.destroy()
  }
  return new Uint8Array(Buffer.concat(parts))
}
