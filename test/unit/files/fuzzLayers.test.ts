// Issue 10, fuzzing with fixed seeds: random mutations of valid manifests, indexes and configs
// (through parseManifestBytes and the validators), of layer-index cache files (through
// LayerIndexCache.get), of tar archives (through indexLayer, with
// and without the gzip checkpoint recorder) and of gzip and zstd streams (through the
// decompress + index path). Every case must end in a value or a StrataError with a real code
// (never INTERNAL, never anything else) within its time limit. Bounded: a few hundred cases per
// kind and a time budget for the whole file.

import assert from 'node:assert/strict'
import { readFile, writeFile } from 'node:fs/promises'
import { test } from 'node:test'
import { gzipSync } from 'node:zlib'
import { isErrorCode, StrataError } from '../../../shared/errors'
import { MEDIA_TYPES } from '../../../shared/oci/mediaTypes'
import { parseManifestBytes } from '../../../shared/oci/parseManifest'
import { validateConfig, validateIndex, validateManifest } from '../../../shared/oci/validate'
import { digestPath } from '../../../electron/cache/cachePaths'
import { LayerIndexCache } from '../../../electron/files/layerIndexCache'
import type { ZstdDecoder } from '../../../electron/compression/decompress'
import { indexLayer } from '../../../electron/files/indexLayer'
import { encodeTarHeader, TAR_END } from '../../../electron/tar/tarEncode'
import { chunked, featureTree, gnuTar, sha256, tempDir, zstd } from '../../harness/layerTars'

/** mulberry32: small, fast, and the same sequence for the same seed everywhere. */
function random(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

type Rng = () => number
const pick = (rng: Rng, n: number): number => Math.floor(rng() * n)

const INTERESTING = [0x00, 0xff, 0x7f, 0x80, 0x30, 0x37, 0x20, 0x0a, 0x2f, 0x2e]

/** One random byte-level mutation: flips, interesting bytes, cuts, repeats, insertions. */
function mutateBytes(input: Uint8Array, rng: Rng, focus?: (rng: Rng) => number): Buffer {
  const bytes = Buffer.from(input)
  const at = (): number => (focus ? focus(rng) : pick(rng, Math.max(1, bytes.length)))
  switch (pick(rng, 7)) {
    case 0: {
      for (let i = 1 + pick(rng, 8); i > 0; i--) {
        const p = at()
        if (p < bytes.length) bytes[p] = (bytes[p] ?? 0) ^ (1 << pick(rng, 8))
      }
      return bytes
    }
    case 1: {
      for (let i = 1 + pick(rng, 4); i > 0; i--) {
        const p = at()
        if (p < bytes.length) bytes[p] = INTERESTING[pick(rng, INTERESTING.length)] ?? 0
      }
      return bytes
    }
    case 2: {
      // Octal digits or 0xff over a run (sizes, checksums, base-256 fields in tar headers).
      const p = at()
      const fill = rng() < 0.5 ? 0x37 : 0xff
      bytes.fill(fill, p, Math.min(bytes.length, p + 1 + pick(rng, 12)))
      return bytes
    }
    case 3:
      return bytes.subarray(0, pick(rng, bytes.length + 1))
    case 4: {
      const p = at()
      const length = 1 + pick(rng, 2048)
      return Buffer.concat([bytes.subarray(0, p), bytes.subarray(p, p + length), bytes.subarray(p)])
    }
    case 5: {
      const p = at()
      const junk = Buffer.alloc(1 + pick(rng, 600))
      for (let i = 0; i < junk.length; i++) junk[i] = pick(rng, 256)
      return Buffer.concat([bytes.subarray(0, p), junk, bytes.subarray(p)])
    }
    default: {
      const p = at()
      return Buffer.concat([bytes.subarray(0, p), bytes.subarray(p + 1 + pick(rng, 1024))])
    }
  }
}

const PER_CASE_MS = 5000
const started = Date.now()
/** The whole file's budget; loops stop early past it (and still must have run a good share). */
const BUDGET_MS = 20_000

function assertStrataError(error: unknown, what: string): void {
  if (!(error instanceof StrataError)) {
    assert.fail(
      `${what}: not a StrataError: ${error instanceof Error ? error.stack : String(error)}`,
    )
  }
  assert.ok(isErrorCode(error.code), `${what}: unknown code ${error.code}`)
  assert.notEqual(error.code, 'INTERNAL', `${what}: INTERNAL ${error.message}`)
}

/** Indexes `bytes`; must settle (value or StrataError) within PER_CASE_MS. */
async function indexCase(
  bytes: Buffer,
  what: string,
  rng: Rng,
  options: { readonly zstd?: ZstdDecoder; readonly checkpoints?: boolean } = {},
): Promise<'ok' | 'error'> {
  const abort = new AbortController()
  let timer: NodeJS.Timeout | undefined
  const hang = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      abort.abort()
      reject(new Error(`${what}: no answer within ${PER_CASE_MS} ms`))
    }, PER_CASE_MS)
  })
  try {
    await Promise.race([
      indexLayer(chunked(bytes, 1 + pick(rng, 9000)), sha256(bytes), {
        signal: abort.signal,
        zstd: options.zstd ?? 'fzstd',
        ...(options.checkpoints === true
          ? { onCheckpoint: () => undefined, checkpointEvery: 64 * 1024 }
          : {}),
      }),
      hang,
    ])
    return 'ok'
  } catch (error) {
    if (error instanceof Error && error.message.includes('no answer within')) throw error
    assertStrataError(error, what)
    return 'error'
  } finally {
    clearTimeout(timer)
  }
}

/** A varied tar: GNU and pax archives of a real tree (long names, sparse, links, fifo). */
function sampleTars(): Buffer[] {
  const { root } = featureTree()
  const handMade = Buffer.concat([
    encodeTarHeader({ name: 'dir', kind: 'dir', mode: 0o755, uid: 0, gid: 0, size: 0, mtime: 1 }),
    encodeTarHeader({
      name: `dir/${'n'.repeat(150)}`,
      kind: 'file',
      mode: 0o644,
      uid: 3_000_000,
      gid: 0,
      size: 700,
      mtime: 1.5,
    }),
    Buffer.alloc(700, 0x61),
    Buffer.alloc(1024 - 700),
    encodeTarHeader({
      name: 'link',
      kind: 'symlink',
      mode: 0o777,
      uid: 0,
      gid: 0,
      size: 0,
      mtime: 1,
      linkname: `/dir/${'ü'.repeat(80)}`,
    }),
    TAR_END,
  ])
  return [gnuTar(root, 'gnu', true), gnuTar(root, 'posix', true), handMade]
}

const tars = sampleTars()
/** Mutations land mostly in the first header blocks, where the parser makes its decisions. */
const headerFocus = (rng: Rng): number =>
  rng() < 0.7 ? pick(rng, 4) * 512 + pick(rng, 512) : pick(rng, 64 * 1024)

/**
 * Half the tar cases get valid checksums again on the header blocks they start with, so the
 * mutation reaches the parser's later decisions instead of stopping at the checksum.
 */
function fixChecksums(tar: Buffer, rng: Rng): Buffer {
  if (rng() < 0.5) return tar
  for (let at = 0; at + 512 <= Math.min(tar.length, 16 * 512); at += 512) {
    if (tar.toString('latin1', at + 257, at + 262) !== 'ustar') continue
    tar.fill(0x20, at + 148, at + 156)
    let sum = 0
    for (let i = at; i < at + 512; i++) sum += tar[i] ?? 0
    tar.write(`${sum.toString(8).padStart(6, '0')}\u0000 `, at + 148, 8, 'latin1')
  }
  return tar
}

function budgetLeft(): boolean {
  return Date.now() - started < BUDGET_MS
}

test('fuzzed tar headers: a value or a StrataError, never a hang', async (t) => {
  const rng = random(0x7a12)
  let ran = 0
  const outcomes = { ok: 0, error: 0 }
  for (let i = 0; i < 400 && budgetLeft(); i++, ran++) {
    const base = tars[i % tars.length] as Buffer
    const bytes = fixChecksums(mutateBytes(base, rng, headerFocus), rng)
    outcomes[await indexCase(bytes, `tar case ${i}`, rng)]++
  }
  t.diagnostic(`${ran} tar cases: ${JSON.stringify(outcomes)}`)
  assert.ok(ran >= 100, `only ${ran} tar cases ran`)
  assert.ok(outcomes.error > 0 && outcomes.ok > 0, JSON.stringify(outcomes))
})

test('fuzzed gzip streams: a value or a StrataError, with and without checkpoints', async (t) => {
  const rng = random(0x9f21)
  const gzips = tars.map((tar) => gzipSync(tar))
  let ran = 0
  const outcomes = { ok: 0, error: 0 }
  for (let i = 0; i < 300 && budgetLeft(); i++, ran++) {
    const base = gzips[i % gzips.length] as Buffer
    const bytes = mutateBytes(base, rng)
    const checkpoints = i % 2 === 0
    outcomes[await indexCase(bytes, `gzip case ${i}`, rng, { checkpoints })]++
  }
  t.diagnostic(`${ran} gzip cases: ${JSON.stringify(outcomes)}`)
  assert.ok(ran >= 80, `only ${ran} gzip cases ran`)
  assert.ok(outcomes.error > 0, JSON.stringify(outcomes))
})

test('fuzzed zstd streams: a value or a StrataError', async (t) => {
  const rng = random(0x2d57)
  const zstds = tars.map((tar) => zstd(tar))
  let ran = 0
  const outcomes = { ok: 0, error: 0 }
  for (let i = 0; i < 200 && budgetLeft(); i++, ran++) {
    const base = zstds[i % zstds.length] as Buffer
    const bytes = mutateBytes(base, rng)
    outcomes[await indexCase(bytes, `zstd case ${i}`, rng, { zstd: 'fzstd' })]++
  }
  t.diagnostic(`${ran} zstd cases: ${JSON.stringify(outcomes)}`)
  assert.ok(ran >= 50, `only ${ran} zstd cases ran`)
  assert.ok(outcomes.error > 0, JSON.stringify(outcomes))
})

const digest = (c: string): string => `sha256:${c.repeat(64)}`
const documents: readonly { readonly doc: unknown; readonly mediaType: string }[] = [
  {
    mediaType: MEDIA_TYPES.ociManifest,
    doc: {
      schemaVersion: 2,
      mediaType: MEDIA_TYPES.ociManifest,
      config: { mediaType: MEDIA_TYPES.ociConfig, digest: digest('c'), size: 1470 },
      layers: [{ mediaType: MEDIA_TYPES.ociLayerGzip, digest: digest('1'), size: 3623807 }],
      annotations: { 'org.opencontainers.image.created': '2024-05-01T00:00:00Z' },
    },
  },
  {
    mediaType: MEDIA_TYPES.ociIndex,
    doc: {
      schemaVersion: 2,
      mediaType: MEDIA_TYPES.ociIndex,
      manifests: [
        {
          mediaType: MEDIA_TYPES.ociManifest,
          digest: digest('a'),
          size: 528,
          platform: { architecture: 'arm64', os: 'linux', variant: 'v8' },
        },
      ],
    },
  },
  {
    mediaType: MEDIA_TYPES.dockerManifest,
    doc: {
      schemaVersion: 2,
      mediaType: MEDIA_TYPES.dockerManifest,
      config: { mediaType: MEDIA_TYPES.dockerConfig, digest: digest('d'), size: 7023 },
      layers: [{ mediaType: MEDIA_TYPES.dockerLayerGzip, digest: digest('e'), size: 32654 }],
    },
  },
]

const config = {
  architecture: 'amd64',
  os: 'linux',
  config: { Env: ['PATH=/bin'], Cmd: ['sh'], ExposedPorts: { '80/tcp': {} } },
  rootfs: { type: 'layers', diff_ids: [digest('f')] },
  history: [{ created: '2024-01-01T00:00:00Z', created_by: 'ADD file' }],
}

const ODD_VALUES: readonly unknown[] = [
  null,
  -1,
  1e308,
  '',
  'x'.repeat(5000),
  [],
  {},
  true,
  [null],
  { '': null },
  '\u0000',
  'sha256:zz',
  2 ** 53 + 1,
]

/** A copy of `doc` with one random value replaced, a key dropped, or a key added. */
function mutateDocument(doc: unknown, rng: Rng): unknown {
  const copy: unknown = JSON.parse(JSON.stringify(doc))
  const holders: (Record<string, unknown> | unknown[])[] = []
  const walk: unknown[] = [copy]
  while (walk.length > 0) {
    const value = walk.pop()
    if (typeof value === 'object' && value !== null) {
      const holder = value as Record<string, unknown>
      holders.push(holder)
      walk.push(...Object.values(holder))
    }
  }
  const holder = holders[pick(rng, holders.length)]
  if (!holder) return copy
  const keys = Object.keys(holder)
  const key = keys[pick(rng, keys.length)] ?? 'extra'
  const action = pick(rng, 3)
  const odd = ODD_VALUES[pick(rng, ODD_VALUES.length)]
  if (Array.isArray(holder)) {
    if (action === 0) holder.splice(Number(key), 1)
    else holder[Number(key)] = odd
  } else if (action === 0) {
    delete holder[key]
  } else if (action === 1) {
    holder[key] = odd
  } else {
    holder[`k${pick(rng, 100)}`] = odd
  }
  return copy
}

function expectValueOrStrataError(work: () => unknown, what: string): 'ok' | 'error' {
  try {
    work()
    return 'ok'
  } catch (error) {
    assertStrataError(error, what)
    return 'error'
  }
}

test('fuzzed manifests, indexes and configs: a value or a StrataError', (t) => {
  const rng = random(0x51ed)
  const outcomes = { ok: 0, error: 0 }
  for (let i = 0; i < 1500 && budgetLeft(); i++) {
    const { doc, mediaType } = documents[i % documents.length] as (typeof documents)[number]
    const what = `document case ${i}`
    // Structural mutations through the validators, byte mutations through the parser.
    const mutated = mutateDocument(doc, rng)
    outcomes[expectValueOrStrataError(() => validateManifest(mutated), what)]++
    outcomes[expectValueOrStrataError(() => validateIndex(mutated), what)]++
    outcomes[expectValueOrStrataError(() => validateConfig(mutateDocument(config, rng)), what)]++
    const text = Buffer.from(JSON.stringify(rng() < 0.5 ? mutated : doc))
    const bytes = mutateBytes(text, rng)
    const declared = rng() < 0.5 ? mediaType : undefined
    outcomes[expectValueOrStrataError(() => parseManifestBytes(bytes, declared), what)]++
    outcomes[
      expectValueOrStrataError(() => parseManifestBytes(Buffer.from(JSON.stringify(mutated))), what)
    ]++
  }
  t.diagnostic(`document checks: ${JSON.stringify(outcomes)}`)
  assert.ok(outcomes.ok > 0 && outcomes.error > 0, JSON.stringify(outcomes))
})

test('fuzzed layer-index cache files: an index or a miss, never a throw', async (t) => {
  const rng = random(0x1dc5)
  const dir = tempDir('fuzz-index-cache')
  const cache = new LayerIndexCache(dir)
  const index = await indexLayer(chunked(tars[0] as Buffer), sha256(tars[0] as Buffer))
  await cache.put(index)
  const path = digestPath(dir, index.digest, '.json')
  const valid = await readFile(path)
  const outcomes = { hit: 0, miss: 0 }
  for (let i = 0; i < 300 && budgetLeft(); i++) {
    const mutated =
      rng() < 0.5
        ? mutateBytes(valid, rng)
        : Buffer.from(JSON.stringify(mutateDocument(JSON.parse(valid.toString('utf8')), rng)))
    await writeFile(path, mutated)
    const read = await cache.get(index.digest)
    if (read) {
      outcomes.hit++
      for (const entry of read.entries) assert.equal(typeof entry.path, 'string')
    } else {
      outcomes.miss++
    }
  }
  t.diagnostic(`index cache reads: ${JSON.stringify(outcomes)}`)
  assert.ok(outcomes.miss > 0, JSON.stringify(outcomes))
})
