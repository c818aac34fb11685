// Walks the frame structure of a zstd stream (frame headers, block headers, checksums,
// skippable frames) without decoding anything, to refuse a frame whose window is over the
// limit before the decoder allocates it: fzstd allocates the whole window at the frame header
// and touches every page of it on the first block, so a 20-byte header asking for a 2 GiB
// window would cost 2 GiB. The limit, 32 MiB (window log 25), covers every zstd level up to
// --ultra -20 and the 8 MiB windows of the Go encoder that container tools use; `zstd --long`
// and --ultra -21/-22 layers (64 and 128 MiB) are refused: one such window held per layer
// being read would break the memory bound (a 128 MiB one took a zero bomb to 289 MB). The
// native decoder (Node 24's zlib) would take such windows too (zstd's own default allows 128
// MiB), so decompress.ts walks its input with the same cap: both runtimes refuse alike.

export const MAX_ZSTD_WINDOW = 32 * 1024 * 1024

const ZSTD_MAGIC = 0xfd2fb528

type Phase = 'magic' | 'frame-header' | 'block-header' | 'block-body' | 'checksum' | 'skip'

export class ZstdWindowTooLarge extends Error {
  constructor(readonly windowSize: number) {
    super(`zstd frame asks for a ${windowSize}-byte window`)
    this.name = 'ZstdWindowTooLarge'
  }
}

/** Feed it the compressed bytes in order; it throws ZstdWindowTooLarge on an oversize frame. */
export class ZstdFrameWalker {
  private phase: Phase = 'magic'
  private readonly head: number[] = []
  /** Bytes still to skip in the current phase (block bodies, checksums, skippable frames). */
  private skip = 0
  private headerLength = 0
  private checksum = false
  private lastBlock = false

  push(bytes: Uint8Array): void {
    let at = 0
    while (at < bytes.length) {
      if (this.phase === 'block-body' || this.phase === 'checksum' || this.phase === 'skip') {
        const take = Math.min(this.skip, bytes.length - at)
        at += take
        this.skip -= take
        if (this.skip === 0) this.afterSkip()
        continue
      }
      this.head.push(bytes[at] ?? 0)
      at++
      this.onHeadByte()
    }
  }

  private onHeadByte(): void {
    const head = this.head
    if (this.phase === 'magic') {
      if (head.length < 4) return
      const magic =
        ((head[0] ?? 0) | ((head[1] ?? 0) << 8) | ((head[2] ?? 0) << 16)) + (head[3] ?? 0) * 2 ** 24
      if (magic === ZSTD_MAGIC) {
        this.phase = 'frame-header'
        this.headerLength = 0
        // Magic kept in `head`; the descriptor byte decides the header's length.
        return
      }
      // Skippable frames (0x184D2A50–5F) carry a 4-byte length; anything else is for the
      // decoder to reject.
      if ((magic & 0xfffffff0) === 0x184d2a50) {
        this.phase = 'frame-header'
        this.headerLength = 8
        return
      }
      this.phase = 'skip'
      this.skip = Number.POSITIVE_INFINITY
      head.length = 0
      return
    }
    if (this.phase === 'frame-header') {
      if (this.headerLength === 8 && head.length === 8) {
        this.skip = (head[4] ?? 0) | ((head[5] ?? 0) << 8) | ((head[6] ?? 0) << 16)
        this.skip += (head[7] ?? 0) * 2 ** 24
        head.length = 0
        this.phase = 'skip'
        if (this.skip === 0) this.afterSkip()
        return
      }
      if (head.length === 5 && this.headerLength === 0) {
        const fhd = head[4] ?? 0
        const singleSegment = (fhd >> 5) & 1
        const dictBytes = [0, 1, 2, 4][fhd & 3] ?? 0
        const fcsFlag = fhd >> 6
        const fcsBytes = fcsFlag === 0 ? singleSegment : 1 << fcsFlag
        this.checksum = ((fhd >> 2) & 1) === 1
        this.headerLength = 5 + (singleSegment ? 0 : 1) + dictBytes + fcsBytes
      }
      if (this.headerLength === 0 || head.length < this.headerLength) return
      this.checkWindow()
      head.length = 0
      this.phase = 'block-header'
      return
    }
    // block header: 3 bytes, little endian: last flag, type (2 bits), size (21 bits).
    if (head.length < 3) return
    const value = (head[0] ?? 0) | ((head[1] ?? 0) << 8) | ((head[2] ?? 0) << 16)
    head.length = 0
    this.lastBlock = (value & 1) === 1
    const type = (value >> 1) & 3
    this.skip = type === 1 ? 1 : value >>> 3
    this.phase = 'block-body'
    if (this.skip === 0) this.afterSkip()
  }

  private checkWindow(): void {
    const head = this.head
    const fhd = head[4] ?? 0
    const singleSegment = ((fhd >> 5) & 1) === 1
    let windowSize: number
    if (singleSegment) {
      // The window is the frame content size, which ends the header.
      const fcsBytes = fhd >> 6 === 0 ? 1 : 1 << (fhd >> 6)
      let size = 0
      for (let i = 0; i < fcsBytes; i++)
        size += (head[this.headerLength - fcsBytes + i] ?? 0) * 2 ** (8 * i)
      windowSize = fcsBytes === 2 ? size + 256 : size
    } else {
      const descriptor = head[5] ?? 0
      const base = 2 ** (10 + (descriptor >> 3))
      windowSize = base + (base / 8) * (descriptor & 7)
    }
    if (windowSize > MAX_ZSTD_WINDOW) throw new ZstdWindowTooLarge(windowSize)
  }

  private afterSkip(): void {
    if (this.phase === 'block-body') {
      if (!this.lastBlock) {
        this.phase = 'block-header'
        return
      }
      if (this.checksum) {
        this.phase = 'checksum'
        this.skip = 4
        return
      }
    }
    this.phase = 'magic'
  }
}
