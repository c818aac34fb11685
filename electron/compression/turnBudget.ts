// How much a decoder that runs synchronously on the index worker (inlineDecoder.ts,
// gzipIndexStream.ts) may output before it gives the event loop a turn, so a cancel message or
// another job's chunk is seen while a zero bomb or a layer of empty files decodes. The count
// runs across calls within a turn: a reader that resumes a decoder from process.nextTick is
// still in the same turn, and counting per call let one turn run to the end of a 100 MB chunk.

/** Output made in one turn of the event loop before the rest waits for the next. */
export const OUTPUT_PER_TURN = 8 * 1024 * 1024

export class TurnBudget {
  private made = 0

  /** Counts `bytes` of output; true once this turn has made OUTPUT_PER_TURN or more. */
  spend(bytes: number): boolean {
    this.made += bytes
    return this.made >= OUTPUT_PER_TURN
  }

  /** Runs `next` on the next turn of the event loop, with the count back at zero. */
  nextTurn(next: () => void): void {
    setImmediate(() => {
      this.made = 0
      next()
    })
  }
}
