// A zstd:chunked layer's tar size from its tar-split (electron/files/tocTarSize.ts): the sum of
// segments and file sizes equals the tar's length for a real GNU tar; a tar-split that is not
// zstd, not JSON lines, of an unknown entry type or of another length than its position says
// is refused; a position annotation that is not three numbers inside the blob is no position.

import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { test } from 'node:test'
import { TocError } from '../../../electron/compression/layerToc'
import { tarSizeFromTarSplit, tarSplitPosition } from '../../../electron/files/tocTarSize'
import { zstd } from '../../harness/layerTars'
import { tarSplitLines } from '../../harness/tarSplit'

const KEY = 'io.github.containers.zstd-chunked.tarsplit-position'

const packed = (text: string): { bytes: Buffer; length: number } => ({
  bytes: zstd(Buffer.from(text)),
  length: Buffer.byteLength(text),
})

test('the tar-split of a real tar adds up to the tar', async () => {
  const tar = execFileSync('tar', ['--format=gnu', '-C', '/', '-cf', '-', 'usr/share/doc/tar'])
  const { bytes, length } = packed(`${tarSplitLines(tar).join('\n')}\n`)
  assert.equal(await tarSizeFromTarSplit(bytes, length), tar.length)
})

test('a tar-split that is not one is refused', async () => {
  const cases: [Buffer, number, RegExp][] = [
    [Buffer.from('{"type":1}'), 10, /not valid zstd|not zstd/],
    [packed('not json\n').bytes, packed('not json\n').length, /line 1 is not JSON/],
    [packed('{"type":3}\n').bytes, packed('{"type":3}\n').length, /unknown type/],
    [packed('{"type":1,"size":-1}\n').bytes, 21, /no file size/],
    [packed('{"type":2,"payload":"%%"}\n').bytes, 26, /no base64 payload/],
    [packed('{"type":1,"size":4}\n').bytes, 100, /shorter than its position/],
    [packed('{"type":1,"size":4}\n').bytes, 5, /longer than its position/],
  ]
  for (const [bytes, length, message] of cases) {
    await assert.rejects(
      tarSizeFromTarSplit(bytes, length),
      (error: unknown) => error instanceof TocError && message.test(error.message),
      String(message),
    )
  }
})

test('the position annotation: three numbers inside the blob, either prefix', () => {
  assert.deepEqual(tarSplitPosition({ [KEY]: '100:50:400' }, 1000), {
    range: { start: 100, end: 149 },
    uncompressedLength: 400,
  })
  const old = 'io.containers.zstd-chunked.tarsplit-position'
  assert.equal(tarSplitPosition({ [old]: '0:1:1' }, 10)?.range.end, 0)
  for (const value of ['100:50', '100:50:400:1', '990:50:400', '0:0:0', 'a:b:c']) {
    assert.equal(tarSplitPosition({ [KEY]: value }, 1000), undefined, value)
  }
  assert.equal(tarSplitPosition(undefined, 1000), undefined)
})
