// The scratch-file checker for large TOC files (electron/files/tocSpool.ts) over real gzip
// bytes read by range from a file on disk: a file that matches is streamed from the scratch
// copy and kept (the next open fetches nothing), a mismatch or a range that does not decode
// leaves no scratch file behind, concurrent opens share one fetch, and only the last four
// checked files stay, each removed once its last reader is done.

import assert from 'node:assert/strict'
import { createHash, randomBytes } from 'node:crypto'
import { createReadStream, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { Readable } from 'node:stream'
import { after, test } from 'node:test'
import { gzipSync } from 'node:zlib'
import { TocSpool } from '../../../electron/files/tocSpool'
import type { SpoolOutcome, SpoolRequest } from '../../../electron/files/tocSpool'
import type { ByteRange, RangedBlob } from '../../../electron/sources/rangedBlob'

const work = mkdtempSync(path.join(tmpdir(), 'strata-toc-spool-'))
after(() => rmSync(work, { recursive: true, force: true }))

const digestOf = (bytes: Uint8Array): string =>
  `sha256:${createHash('sha256').update(bytes).digest('hex')}`

/** Six files as gzip members one after another in a blob file; ranges read from disk. */
const contents = Array.from({ length: 6 }, () => randomBytes(300_000))
const members = contents.map((c) => gzipSync(c))
const blobPath = path.join(work, 'blob')
writeFileSync(blobPath, Buffer.concat(members))
const ranges: ByteRange[] = []
let at = 0
for (const member of members) {
  ranges.push({ start: at, end: at + member.length - 1 })
  at += member.length
}
const fetched: ByteRange[] = []
const openRange = (range: ByteRange): Promise<RangedBlob> => {
  fetched.push(range)
  return Promise.resolve({
    kind: 'partial',
    range,
    stream: createReadStream(blobPath, { start: range.start, end: range.end }),
  })
}

const request = (i: number, overrides: Partial<SpoolRequest> = {}): SpoolRequest => ({
  key: `layer:${i}`,
  layerDigest: `sha256:${'c'.repeat(64)}`,
  range: ranges[i] as ByteRange,
  size: (contents[i] as Buffer).length,
  digest: digestOf(contents[i] as Buffer),
  openRange,
  ...overrides,
})

async function bytesOf(outcome: SpoolOutcome): Promise<Buffer> {
  assert.equal(outcome.kind, 'verified')
  const parts: Buffer[] = []
  for await (const chunk of (outcome as { stream: Readable }).stream as AsyncIterable<Buffer>) {
    parts.push(chunk)
  }
  return Buffer.concat(parts)
}

const scratch = path.join(work, 'scratch')
const scratchFiles = (): string[] => readdirSync(scratch)

test('a matching file streams from its checked copy; the next open fetches nothing', async () => {
  const spool = new TocSpool(scratch)
  fetched.length = 0
  assert.ok((await bytesOf(await spool.open(request(0)))).equals(contents[0] as Buffer))
  assert.ok((await bytesOf(await spool.open(request(0)))).equals(contents[0] as Buffer))
  assert.deepEqual(fetched, [ranges[0]], 'one range request for both opens')
  assert.equal(scratchFiles().length, 1)
})

test('a mismatch or a range that does not decode leaves nothing behind', async () => {
  const spool = new TocSpool(path.join(work, 'other'))
  const wrong = await spool.open(request(1, { key: 'wrong', digest: digestOf(Buffer.from('x')) }))
  assert.deepEqual(wrong, { kind: 'mismatch', actualDigest: digestOf(contents[1] as Buffer) })
  // A file the TOC says is 10 bytes longer than its range decodes to.
  await assert.rejects(
    spool.open(request(2, { key: 'short', size: (contents[2] as Buffer).length + 10 })),
    (error: unknown) => error instanceof Error && /decodes to 300000 of 300010/.test(error.message),
  )
  assert.deepEqual(readdirSync(path.join(work, 'other')), [])
})

test('concurrent opens share one fetch; only the last four checked files stay', async () => {
  rmSync(scratch, { recursive: true, force: true })
  const spool = new TocSpool(scratch)
  fetched.length = 0
  const [a, b] = await Promise.all([spool.open(request(0)), spool.open(request(0))])
  assert.ok((await bytesOf(a)).equals(await bytesOf(b)))
  assert.equal(fetched.length, 1, 'one fetch for two readers')
  // A reader still streaming file 1 keeps it on disk after it is evicted.
  const held = await spool.open(request(1))
  for (const i of [2, 3, 4, 5]) await bytesOf(await spool.open(request(i)))
  assert.equal(scratchFiles().length, 5, 'four kept, and the evicted one still being read')
  assert.ok((await bytesOf(held)).equals(contents[1] as Buffer))
  await new Promise((resolve) => setImmediate(resolve))
  await new Promise((resolve) => setTimeout(resolve, 50))
  assert.equal(scratchFiles().length, 4, 'removed once its reader is done')
})
