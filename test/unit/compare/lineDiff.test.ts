import assert from 'node:assert/strict'
import { test } from 'node:test'
import {
  diffLines,
  sideBySideRows,
  splitLines,
  type LineEdit,
} from '../../../renderer/features/compare/lineDiff'
import { base64Bytes, decodeFileText } from '../../../renderer/features/compare/fileText'

/** Length of a longest common subsequence, by the textbook table (the reference answer). */
function lcsLength(a: readonly string[], b: readonly string[]): number {
  const row = new Array<number>(b.length + 1).fill(0)
  for (let i = 1; i <= a.length; i++) {
    let diagonal = 0
    for (let j = 1; j <= b.length; j++) {
      const above = row[j] ?? 0
      row[j] = a[i - 1] === b[j - 1] ? diagonal + 1 : Math.max(above, row[j - 1] ?? 0)
      diagonal = above
    }
  }
  return row[b.length] ?? 0
}

function rebuild(edits: readonly LineEdit[], a: readonly string[], b: readonly string[]) {
  const left: string[] = []
  const right: string[] = []
  for (const edit of edits) {
    if (edit.op !== 'added') left.push(a[edit.left] ?? '?')
    if (edit.op !== 'removed') right.push(b[edit.right] ?? '?')
    if (edit.op === 'same') assert.equal(a[edit.left], b[edit.right])
  }
  return { left, right }
}

test('the classic example: ABCABBA → CBABAC in 5 edits', () => {
  const a = [...'ABCABBA']
  const b = [...'CBABAC']
  const edits = diffLines(a, b)
  assert.ok(edits)
  assert.equal(edits.filter((e) => e.op !== 'same').length, 5)
  assert.deepEqual(rebuild(edits, a, b), { left: a, right: b })
})

test('random inputs: the edits rebuild both sides and keep a longest common subsequence', () => {
  let seed = 7
  const random = (n: number): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648
    return seed % n
  }
  for (let round = 0; round < 400; round++) {
    const a = Array.from({ length: random(15) }, () => 'abcd'[random(4)] ?? 'a')
    const b = Array.from({ length: random(15) }, () => 'abcd'[random(4)] ?? 'a')
    const edits = diffLines(a, b)
    assert.ok(edits)
    assert.deepEqual(rebuild(edits, a, b), { left: a, right: b })
    assert.equal(edits.filter((e) => e.op === 'same').length, lcsLength(a, b))
  }
})

test('identical, empty and one-sided inputs', () => {
  assert.deepEqual(diffLines([], []), [])
  assert.deepEqual(diffLines(['x'], ['x']), [{ op: 'same', left: 0, right: 0 }])
  assert.deepEqual(diffLines([], ['x', 'y']), [
    { op: 'added', right: 0 },
    { op: 'added', right: 1 },
  ])
  assert.deepEqual(diffLines(['x'], []), [{ op: 'removed', left: 0 }])
})

test('caps: too many differences or lines answer undefined instead of working forever', () => {
  const a = Array.from({ length: 50 }, (_, i) => `a${i}`)
  const b = Array.from({ length: 50 }, (_, i) => `b${i}`)
  assert.equal(diffLines(a, b, 10), undefined)
  assert.ok(diffLines(a, b, 100))
  assert.equal(diffLines(new Array<string>(20_001).fill('x'), ['x']), undefined)
})

test('side by side: a removal followed by an addition pairs up as one changed row', () => {
  const a = splitLines('one\ntwo\nthree\nfour\n')
  const b = splitLines('one\nTWO\nthree\nfour\nfive\n')
  assert.deepEqual(a, ['one', 'two', 'three', 'four'])
  const edits = diffLines(a, b)
  assert.ok(edits)
  assert.deepEqual(sideBySideRows(edits), [
    { kind: 'same', left: 0, right: 0 },
    { kind: 'changed', left: 1, right: 1 },
    { kind: 'same', left: 2, right: 2 },
    { kind: 'same', left: 3, right: 3 },
    { kind: 'added', right: 4 },
  ])
  assert.deepEqual(splitLines('a\r\nb'), ['a', 'b'])
})

test('file text: UTF-8 decodes, NUL bytes or invalid UTF-8 count as binary, cuts drop a split character', () => {
  const bytes = new TextEncoder().encode('héllo')
  assert.deepEqual(decodeFileText(bytes, false), { kind: 'text', text: 'héllo', truncated: false })
  assert.deepEqual(decodeFileText(new Uint8Array([0x61, 0, 0x62]), false), { kind: 'binary' })
  assert.deepEqual(decodeFileText(new Uint8Array([0xff, 0xfe]), false), { kind: 'binary' })
  // "hé" cut after the first byte of é.
  const cut = new TextEncoder().encode('hé').subarray(0, 2)
  assert.deepEqual(decodeFileText(cut, true), { kind: 'text', text: 'h', truncated: true })
  assert.deepEqual([...base64Bytes('AAEC')], [0, 1, 2])
})
