// A layer blob as the decoders read it: its first bytes in hand (to detect the compression)
// and then every chunk, in order, through a stream. Chunks are
// taken with 'data' events and handed on as they came: an async iterator's read() would join
// whatever is buffered into a new buffer first, a copy of every byte of the layer. A reader
// that stops early releases the source; an error of the source reaches the reader as it is.

import { Readable } from 'node:stream'

export class SourceFeed {
  /** Every chunk of the source, from its first byte. */
  readonly stream: Readable
  private readonly held: Buffer[] = []
  private heldBytes = 0
  private ended = false
  private started = false
  private count: (chunk: Buffer) => void = () => undefined
  private wantHead: { bytes: number; resolve: (head: Buffer) => void } | undefined

  constructor(private readonly source: Readable) {
    this.stream = new Readable({
      read: () => {
        if (this.started) source.resume()
      },
      destroy: (error, callback) => {
        if (!this.ended) source.destroy()
        callback(error)
      },
    })
    source.on('data', (chunk: Buffer) => this.onData(chunk))
    source.once('end', () => {
      this.ended = true
      this.giveHead()
      this.stream.push(null)
    })
    source.on('error', (error) => this.stream.destroy(error))
  }

  /** True once the source has given its last byte. */
  get done(): boolean {
    return this.ended
  }

  /** At least `bytes` of the start (fewer if the source is shorter), joined; the flow pauses. */
  head(bytes: number): Promise<Buffer> {
    return new Promise<Buffer>((resolve, reject) => {
      this.wantHead = { bytes, resolve }
      this.stream.once('error', reject)
      this.giveHead()
    })
  }

  /** Lets the chunks flow on; `count` sees each one (the head's too) as it is handed on. */
  start(count: (chunk: Buffer) => void): void {
    this.count = count
    this.started = true
    for (const chunk of this.held) count(chunk)
    this.held.length = 0
    this.source.resume()
  }

  private onData(chunk: Buffer): void {
    if (this.started) this.count(chunk)
    else {
      this.held.push(chunk)
      this.heldBytes += chunk.length
    }
    const room = this.stream.push(chunk)
    // Before start, the flow stops after each chunk until the head is known to be short.
    if (!room || !this.started) this.source.pause()
    if (!this.started) this.giveHead()
  }

  private giveHead(): void {
    const want = this.wantHead
    if (!want || (this.heldBytes < want.bytes && !this.ended)) {
      if (want && this.source.isPaused()) this.source.resume()
      return
    }
    this.wantHead = undefined
    want.resolve(Buffer.concat(this.held))
  }
}
