import assert from 'node:assert/strict'
import { test } from 'node:test'
import {
  base64ToBytes,
  classifyContent,
  concatBytes,
  hexLine,
  hexLineCount,
  looksBinary,
  pageOffsets,
  sniffImage,
  textLines,
} from '../../../renderer/features/files/fileContent'

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s)

test('images are recognised by magic bytes, not names', () => {
  assert.equal(
    sniffImage(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 13, 10, 26, 10, 0])),
    'image/png',
  )
  assert.equal(sniffImage(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0])), 'image/jpeg')
  assert.equal(sniffImage(utf8('GIF89a....')), 'image/gif')
  assert.equal(sniffImage(utf8('RIFF\x10\x00\x00\x00WEBPVP8 ')), 'image/webp')
  assert.equal(sniffImage(utf8('<svg xmlns="http://www.w3.org/2000/svg"/>')), 'image/svg+xml')
  assert.equal(
    sniffImage(utf8('<?xml version="1.0"?>\n<!-- made by hand -->\n<!DOCTYPE svg>\n<svg>')),
    'image/svg+xml',
  )
  assert.equal(sniffImage(utf8('<html><svg></svg></html>')), undefined)
  assert.equal(sniffImage(utf8('RIFF\x10\x00\x00\x00WAVEfmt ')), undefined)
  assert.equal(sniffImage(utf8('#!/bin/sh')), undefined)
  assert.equal(sniffImage(new Uint8Array(0)), undefined)
})

test('binary means a NUL byte or invalid UTF-8; a character cut at a page end is fine', () => {
  assert.equal(looksBinary(utf8('plain text\n'), true), false)
  assert.equal(looksBinary(utf8('grüße, 世界 🎉'), true), false)
  assert.equal(looksBinary(Uint8Array.from([0x41, 0x00, 0x42]), true), true)
  assert.equal(looksBinary(Uint8Array.from([0x41, 0xff, 0x42]), true), true)
  const emoji = utf8('ab🎉')
  const cut = emoji.subarray(0, emoji.length - 2)
  assert.equal(looksBinary(cut, false), false, 'more bytes follow in the next page')
  assert.equal(looksBinary(cut, true), true, 'the file really ends mid-character')
  assert.equal(looksBinary(Uint8Array.from([0x41, 0x80]), false), true, 'a stray continuation')
})

test('classifyContent: image, then text, else binary', () => {
  assert.deepEqual(classifyContent(utf8('GIF87a'), true), { kind: 'image', mime: 'image/gif' })
  assert.deepEqual(classifyContent(utf8('key=value\n'), true), { kind: 'text' })
  assert.deepEqual(classifyContent(Uint8Array.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), true), {
    kind: 'binary',
  })
})

test('hex lines look like xxd, with the page offset', () => {
  const bytes = Uint8Array.from({ length: 20 }, (_, i) => i + 0x3e)
  const first = hexLine(bytes, 0, 0x20000)
  assert.equal(first.offset, '00020000')
  assert.equal(first.hex, '3e 3f 40 41 42 43 44 45  46 47 48 49 4a 4b 4c 4d')
  assert.equal(first.ascii, '>?@ABCDEFGHIJKLM')
  const last = hexLine(bytes, 1)
  assert.equal(last.offset, '00000010')
  assert.equal(last.hex, `4e 4f 50 51${' '.repeat(12 + 2 + 23)}`)
  assert.equal(last.hex.length, first.hex.length)
  assert.equal(last.ascii, 'NOPQ')
  assert.equal(hexLine(Uint8Array.from([0, 10, 127, 200]), 0).ascii, '....')
  assert.equal(hexLineCount(0), 0)
  assert.equal(hexLineCount(16), 1)
  assert.equal(hexLineCount(17), 2)
})

test('bytes helpers and page offsets', () => {
  assert.deepEqual([...base64ToBytes(Buffer.from([0, 255, 10]).toString('base64'))], [0, 255, 10])
  assert.deepEqual([...concatBytes([Uint8Array.from([1]), Uint8Array.from([2, 3])])], [1, 2, 3])
  assert.deepEqual(pageOffsets(0, 100, 5), [0])
  assert.deepEqual(pageOffsets(250, 100, 5), [0, 100, 200])
  assert.deepEqual(pageOffsets(250, 100, 2), [0, 100])
  assert.deepEqual(pageOffsets(300, 100, Infinity), [0, 100, 200])
})

test('text lines: LF and CRLF, no phantom last line', () => {
  assert.deepEqual(textLines('a\nb\n'), ['a', 'b'])
  assert.deepEqual(textLines('a\r\nb'), ['a', 'b'])
  assert.deepEqual(textLines(''), [''])
  assert.deepEqual(textLines('\n'), [''])
  assert.deepEqual(textLines('a\n\n'), ['a', ''])
})
