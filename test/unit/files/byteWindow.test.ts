// The stream window the inspectors read through: ranges across chunk boundaries come back
// exact, the head is served from memory, going back reopens the stream (counted), too many
// jumps back are refused with MALFORMED; and the renderer's check of which files to inspect.

import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { Readable } from 'node:stream'
import { test } from 'node:test'
import { StrataError } from '../../../shared/errors'
import { streamWindow } from '../../../electron/files/inspect/byteWindow'
import { isInspectable } from '../../../renderer/features/files/inspect/inspectable'

const file = randomBytes(1024 * 1024 + 123)

function opener(chunk = 7001): { open: () => Promise<Readable>; opens: () => number } {
  let opens = 0
  return {
    open: () => {
      opens++
      const parts: Buffer[] = []
      for (let i = 0; i < file.length; i += chunk) parts.push(file.subarray(i, i + chunk))
      return Promise.resolve(Readable.from(parts))
    },
    opens: () => opens,
  }
}

test('ranges come back exact, forward reads share one stream, the head is kept', async () => {
  const source = opener()
  const window = streamWindow(source.open, 4096)
  const ranges: [number, number][] = [
    [0, 64],
    [100, 3000],
    [5000, 20_000],
    [300_000, 1],
    [700_000, 65_536],
    [file.length - 10, 100],
    [file.length + 5, 10],
  ]
  for (const [offset, length] of ranges) {
    assert.deepEqual(
      Buffer.from(await window.readAt(offset, length)),
      file.subarray(offset, offset + length),
      `${offset}+${length}`,
    )
  }
  assert.equal(source.opens(), 1, 'forward reads and head reads use one stream')
  // Going back past the head reopens; reading in the head again does not.
  assert.deepEqual(Buffer.from(await window.readAt(200_000, 10)), file.subarray(200_000, 200_010))
  assert.equal(source.opens(), 2)
  assert.deepEqual(Buffer.from(await window.readAt(10, 10)), file.subarray(10, 20))
  assert.equal(source.opens(), 2)
  window.close()
})

test('too many jumps back are refused as MALFORMED', async () => {
  const window = streamWindow(opener().open, 1024)
  await assert.rejects(
    (async () => {
      for (let i = 0; i < 10; i++) {
        await window.readAt(900_000, 10)
        await window.readAt(2000, 10)
      }
    })(),
    (error: unknown) => error instanceof StrataError && error.code === 'MALFORMED',
  )
  window.close()
})

test('the viewer asks to inspect ELF, PEM and DER-looking files only', () => {
  assert.equal(isInspectable(new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2, 1])), true)
  assert.equal(isInspectable(Buffer.from('# bundle\n-----BEGIN CERTIFICATE-----\nMII')), true)
  assert.equal(
    isInspectable(Buffer.concat([Buffer.from([0x30, 0x82, 0x05, 0x10]), randomBytes(80)])),
    true,
  )
  assert.equal(isInspectable(Buffer.from('#!/bin/sh\necho hi\n')), false)
  assert.equal(isInspectable(new Uint8Array()), false)
})
