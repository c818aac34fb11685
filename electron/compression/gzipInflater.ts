// A synchronous inflater over one of node:zlib's native handles. Node's zlib API cannot stop
// at a deflate block boundary or tell how much input one call consumed; the handle's own
// writeSync (the internal the sync APIs are built on) can: it takes a flush flag (Z_BLOCK
// stops at the next block boundary) and leaves "avail in / avail out" in the engine's write
// state. Everything here is feature-detected: a runtime without these internals simply gets
// no checkpoints (callers fall back to plain streaming).

import zlib from 'node:zlib'

interface NativeHandle {
  writeSync(
    flush: number,
    input: Uint8Array,
    inOff: number,
    inLen: number,
    out: Uint8Array,
    outOff: number,
    outLen: number,
  ): void
}

interface EngineInternals {
  readonly _handle?: NativeHandle | null
  readonly _writeState?: Uint32Array
}

export const { Z_NO_FLUSH, Z_BLOCK, Z_SYNC_FLUSH, Z_FINISH } = zlib.constants

export interface InflateStep {
  /** Input bytes the call consumed. */
  readonly consumed: number
  /** Output bytes written into `out` at `outOff`. */
  readonly produced: number
  /** True when the call returned with both input and output space left: the decoder stopped. */
  readonly stopped: boolean
}

export type InflaterKind = 'gunzip' | 'raw'

export class SyncInflater {
  private readonly engine: zlib.Gunzip | zlib.InflateRaw
  private readonly handle: NativeHandle
  private readonly state: Uint32Array

  private constructor(
    engine: zlib.Gunzip | zlib.InflateRaw,
    handle: NativeHandle,
    state: Uint32Array,
  ) {
    this.engine = engine
    this.handle = handle
    this.state = state
    // Errors reach the engine's 'error' event a tick later; `errored` is set synchronously.
    engine.on('error', () => undefined)
  }

  /** A gunzip (multi-member aware) or raw inflater, or undefined when the runtime lacks the internals. */
  static create(kind: InflaterKind, dictionary?: Uint8Array): SyncInflater | undefined {
    // Output goes to the caller's buffers, never the engine's own: keep that one minimal
    // (a checkpoint search creates eight of these).
    const chunkSize = zlib.constants.Z_MIN_CHUNK
    const engine =
      kind === 'gunzip'
        ? zlib.createGunzip({ chunkSize })
        : zlib.createInflateRaw(dictionary ? { dictionary, chunkSize } : { chunkSize })
    const internals = engine as unknown as EngineInternals
    const handle = internals._handle
    const state = internals._writeState
    if (!handle || typeof handle.writeSync !== 'function' || !(state instanceof Uint32Array)) {
      engine.close()
      return undefined
    }
    return new SyncInflater(engine, handle, state)
  }

  /** Whether this runtime supports synchronous stepping (checked once). */
  static supported(): boolean {
    const probe = SyncInflater.create('raw')
    probe?.close()
    return probe !== undefined
  }

  /** One inflate call; throws the zlib error (with its code) when the data is corrupt. */
  step(
    input: Uint8Array,
    inOff: number,
    inLen: number,
    out: Uint8Array,
    outOff: number,
    outLen: number,
    flush: number,
  ): InflateStep {
    this.handle.writeSync(flush, input, inOff, inLen, out, outOff, outLen)
    const failure = this.engine.errored
    if (failure) throw failure
    const availOut = this.state[0] ?? 0
    const availIn = this.state[1] ?? 0
    return {
      consumed: inLen - availIn,
      produced: outLen - availOut,
      stopped: availIn > 0 && availOut > 0,
    }
  }

  close(): void {
    this.engine.close()
  }
}
