// A content-addressed blob cache with a size limit. Blobs live at <dir>/blobs/<alg>/<hex>;
// <dir>/manifest.json records each blob's size and a use counter (not file atimes, which
// noatime mounts never update) so eviction drops the least recently used first. Writes go to
// a temp file, are hashed while they stream, and are renamed into place only when the digest
// matches. Keys are validated digests, so nothing lands outside <dir>.

import { createHash } from 'node:crypto'
import { createReadStream, createWriteStream } from 'node:fs'
import { mkdir, readFile, rename, rm, stat } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import type { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { Transform } from 'node:stream'
import { parseDigest } from '../../shared/digest'
import { StrataError } from '../../shared/errors'
import { holdStreamErrors } from '../util/holdStreamErrors'
import { sweepTempFiles, tempPathIn, writeFileAtomic } from './atomicFile'
import { digestPath } from './cachePaths'

interface ManifestEntry {
  readonly size: number
  readonly tick: number
}

interface ManifestFile {
  readonly version: 1
  readonly tick: number
  readonly entries: Record<string, ManifestEntry>
}

export class BlobCache {
  private entries = new Map<string, ManifestEntry>()
  private tick = 0
  private saving: Promise<void> = Promise.resolve()

  private constructor(
    private readonly dir: string,
    readonly limitBytes: number,
  ) {}

  /** Opens (creating) the cache in `dir`, dropping temp files and records of missing blobs. */
  static async open(dir: string, limitBytes: number): Promise<BlobCache> {
    const cache = new BlobCache(dir, limitBytes)
    await mkdir(join(dir, 'blobs'), { recursive: true })
    await sweepTempFiles(join(dir, 'blobs'))
    try {
      const file = readManifestFile(JSON.parse(await readFile(cache.manifestPath, 'utf8')))
      if (file !== undefined) {
        cache.tick = file.tick
        for (const [digest, entry] of Object.entries(file.entries)) {
          const present = await stat(cache.blobPath(digest)).then(
            (s) => s.size === entry.size,
            () => false,
          )
          if (present) cache.entries.set(digest, entry)
        }
      }
    } catch {
      // no manifest yet, or a damaged one: start empty (blobs on disk are re-added on put)
    }
    return cache
  }

  private get manifestPath(): string {
    return join(this.dir, 'manifest.json')
  }

  private blobPath(digest: string): string {
    return digestPath(join(this.dir, 'blobs'), digest)
  }

  /** Total bytes held. */
  size(): number {
    let total = 0
    for (const entry of this.entries.values()) total += entry.size
    return total
  }

  has(digest: string): boolean {
    return this.entries.has(digest)
  }

  /** Digests held, least recently used first. */
  digestsByAge(): readonly string[] {
    return [...this.entries].sort((a, b) => a[1].tick - b[1].tick).map(([digest]) => digest)
  }

  /** The blob as a stream (marking it used), or undefined when not cached. */
  async get(digest: string): Promise<Readable | undefined> {
    const entry = this.entries.get(digest)
    if (!entry) return undefined
    this.entries.set(digest, { size: entry.size, tick: ++this.tick })
    await this.save()
    // Held: a blob evicted by a concurrent put fails (ENOENT) before the caller reads it.
    return holdStreamErrors(createReadStream(this.blobPath(digest)))
  }

  /**
   * Bytes start..end (inclusive) of a cached blob (marking it used), or undefined when not
   * cached. Callers verify what they read (span hashes recorded while indexing).
   */
  async getRange(
    digest: string,
    range: { readonly start: number; readonly end: number },
  ): Promise<Readable | undefined> {
    const entry = this.entries.get(digest)
    if (!entry || range.end >= entry.size) return undefined
    this.entries.set(digest, { size: entry.size, tick: ++this.tick })
    await this.save()
    return holdStreamErrors(
      createReadStream(this.blobPath(digest), { start: range.start, end: range.end }),
    )
  }

  /**
   * Streams `source` into the cache under `digest`. Rejects with DIGEST_MISMATCH (nothing
   * kept) when the bytes hash to something else. Returns false when the blob alone is over
   * the limit and so was not kept.
   */
  async put(digest: string, source: Readable): Promise<boolean> {
    // Before any await: a registry stream can fail (reset, digest mismatch) while the mkdir
    // below runs, and an 'error' with no listener would end the process. pipeline() reports
    // the held error instead.
    holdStreamErrors(source)
    let algorithm: string
    let temp: string
    try {
      algorithm = parseDigest(digest).algorithm
      temp = await this.tempFor(digest)
    } catch (error) {
      source.destroy() // nobody will read it: free its connection
      throw error
    }
    const hash = createHash(algorithm)
    let size = 0
    const hashing = new Transform({
      transform(chunk: Buffer, _encoding, callback): void {
        hash.update(chunk)
        size += chunk.length
        callback(null, chunk)
      },
    })
    try {
      await pipeline(source, hashing, createWriteStream(temp, { mode: 0o600 }))
      const actual = `${algorithm}:${hash.digest('hex')}`
      if (actual !== digest) {
        throw new StrataError('DIGEST_MISMATCH', `blob ${digest} hashes to ${actual}; not cached`, {
          expectedDigest: digest,
          actualDigest: actual,
        })
      }
    } catch (error) {
      await rm(temp, { force: true })
      throw error
    }
    return this.adopt(digest, temp, size)
  }

  /**
   * A temp file to write `digest`'s blob into (its folder made), for writers that hash the
   * bytes themselves (teeIntoCache.ts) and hand the file over with adopt().
   */
  async tempFor(digest: string): Promise<string> {
    await mkdir(dirname(this.blobPath(digest)), { recursive: true })
    return tempPathIn(join(this.dir, 'blobs'))
  }

  /**
   * Moves a verified temp file into place as `digest` (evicting older blobs to fit), or
   * removes it when the blob alone is over the limit (false). The caller checked the digest.
   */
  async adopt(digest: string, temp: string, size: number): Promise<boolean> {
    try {
      if (size > this.limitBytes) {
        await rm(temp, { force: true })
        return false
      }
      await rename(temp, this.blobPath(digest))
    } catch (error) {
      await rm(temp, { force: true })
      throw error
    }
    this.entries.set(digest, { size, tick: ++this.tick })
    await this.evict(digest)
    await this.save()
    return true
  }

  /** Removes every blob. */
  async clear(): Promise<void> {
    this.entries.clear()
    await rm(join(this.dir, 'blobs'), { recursive: true, force: true })
    await mkdir(join(this.dir, 'blobs'), { recursive: true })
    await this.save()
  }

  /** Drops least recently used blobs (never `keep`) until the total fits the limit. */
  private async evict(keep: string): Promise<void> {
    let total = this.size()
    for (const digest of this.digestsByAge()) {
      if (total <= this.limitBytes) break
      if (digest === keep) continue
      total -= this.entries.get(digest)?.size ?? 0
      this.entries.delete(digest)
      await rm(this.blobPath(digest), { force: true })
    }
  }

  /** Writes the manifest; saves are chained so two never interleave. */
  private save(): Promise<void> {
    const file: ManifestFile = {
      version: 1,
      tick: this.tick,
      entries: Object.fromEntries(this.entries),
    }
    this.saving = this.saving
      .catch(() => undefined)
      .then(() => writeFileAtomic(this.manifestPath, JSON.stringify(file)))
    return this.saving
  }
}

/** The manifest file when it has the expected shape; undefined for anything else. */
function readManifestFile(value: unknown): ManifestFile | undefined {
  if (typeof value !== 'object' || value === null) return undefined
  const { version, tick, entries } = value as Record<string, unknown>
  if (version !== 1 || !isCount(tick) || typeof entries !== 'object' || entries === null) {
    return undefined
  }
  const valid: Record<string, ManifestEntry> = {}
  for (const [digest, entry] of Object.entries(entries as Record<string, unknown>)) {
    if (typeof entry !== 'object' || entry === null) continue
    const { size, tick: used } = entry as Record<string, unknown>
    if (isCount(size) && isCount(used)) valid[digest] = { size, tick: used }
  }
  return { version: 1, tick, entries: valid }
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0
}
