// Lines of a text stream, each at most `maxBytes` long. readline buffers a line until its
// newline arrives, so a hostile file with no newline would be held whole in memory; this
// splitter fails as soon as one line passes the cap.

import type { Readable } from 'node:stream'
import { StrataError } from '../../shared/errors'

/** Yields each line (without its "\n" or "\r\n"); throws TOO_LARGE naming `what` past the cap. */
export async function* boundedLines(
  input: Readable,
  maxBytes: number,
  what: string,
): AsyncGenerator<string> {
  let pending: Buffer[] = []
  let pendingLength = 0
  const line = (tail: Buffer): string => {
    const bytes = pending.length === 0 ? tail : Buffer.concat([...pending, tail])
    pending = []
    pendingLength = 0
    const end =
      bytes.length > 0 && bytes[bytes.length - 1] === 0x0d ? bytes.length - 1 : bytes.length
    return bytes.toString('utf8', 0, end)
  }
  for await (const chunk of input as AsyncIterable<Buffer>) {
    let start = 0
    for (let newline = chunk.indexOf(0x0a); newline >= 0; newline = chunk.indexOf(0x0a, start)) {
      if (pendingLength + newline - start > maxBytes) throw tooLong(what, maxBytes)
      yield line(chunk.subarray(start, newline))
      start = newline + 1
    }
    const rest = chunk.subarray(start)
    pendingLength += rest.length
    if (pendingLength > maxBytes) throw tooLong(what, maxBytes)
    if (rest.length > 0) pending.push(Buffer.from(rest))
  }
  if (pendingLength > 0) yield line(Buffer.alloc(0))
}

function tooLong(what: string, maxBytes: number): StrataError {
  return new StrataError(
    'TOO_LARGE',
    `${what} has a line longer than ${Math.round(maxBytes / 1024 / 1024)} MiB; refused`,
    { subject: what },
  )
}
