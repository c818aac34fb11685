// A stream handed to an async caller can fail before that caller attaches its 'error' listener
// (it awaits a mkdir, a cache lookup, ...). An 'error' event with no listener ends the whole
// process, so every stream we return from an async factory goes through holdStreamErrors.
// The early error is not lost: it stays on the stream (`stream.errored`), pipeline(),
// finished() and for-await report it when they start, and an 'error' listener attached later
// is called with it once.

import type { Readable, Writable } from 'node:stream'

type ErrorListener = (error: Error) => void

const held = new WeakSet<Readable | Writable>()

/** Marks `stream` so an error before its consumer listens is kept, not thrown; returns it. */
export function holdStreamErrors<T extends Readable | Writable>(stream: T): T {
  if (held.has(stream)) return stream
  held.add(stream)
  const ignore: ErrorListener = () => undefined
  stream.on('error', ignore)
  stream.on('newListener', (event: string | symbol, listener: ErrorListener) => {
    if (event !== 'error' || listener === ignore) return
    const error = stream.errored
    // Already failed: this listener missed the event, so it hears the error now (once).
    if (error !== null) process.nextTick(() => listener.call(stream, error))
  })
  return stream
}
