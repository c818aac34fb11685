// Back-pressure for hand-fed streams: after write() returned false, wait until the reader
// has drained the buffer, or has gone away (closed), whichever comes first.

import type { Writable } from 'node:stream'

export function drainedOrClosed(out: Writable): Promise<void> {
  return new Promise<void>((resolve) => {
    const done = (): void => {
      out.off('drain', done)
      out.off('close', done)
      resolve()
    }
    out.on('drain', done)
    out.on('close', done)
  })
}
