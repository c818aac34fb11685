// The ELF summary against binutils' readelf on this machine's own files: every ELF under
// /usr/bin (symlinks followed once, duplicates skipped) summarised from a file handle with
// summarizeElf, and `readelf -h -l -d -n -S -W` asked about the same files. Class, type (PIE
// or not), machine, interpreter, needed libraries, soname, runpath, build ID and every section's
// name and size must agree. Then the bounded reads: a truncated or lying ELF is refused or its
// problems named, never read past the caps.

import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { openSync, readSync, closeSync, readdirSync, realpathSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { test } from 'node:test'
import { summarizeElf } from '../../../electron/files/inspect/elfSummary'
import { ElfFormatError } from '../../../electron/files/inspect/elfFormat'
import { englishInspectProblem } from '../../../shared/inspectProblemText'
import type { ElfSummary } from '../../../shared/api/files'

const BIN = '/usr/bin'
const BATCH = 60

/** readAt over a local file, counting the bytes it hands out. */
function fileReader(path: string): {
  readAt: (offset: number, length: number) => Promise<Uint8Array>
  size: number
  read: () => number
  close: () => void
} {
  const fd = openSync(path, 'r')
  const size = statSync(path).size
  let total = 0
  return {
    size,
    readAt: (offset, length) => {
      const buffer = Buffer.alloc(Math.max(0, Math.min(length, size - offset)))
      const n = buffer.length > 0 ? readSync(fd, buffer, 0, buffer.length, offset) : 0
      total += n
      return Promise.resolve(buffer.subarray(0, n))
    },
    read: () => total,
    close: () => closeSync(fd),
  }
}

function elfFiles(): string[] {
  const seen = new Set<string>()
  for (const name of readdirSync(BIN).sort()) {
    let real: string
    try {
      real = realpathSync(join(BIN, name))
      if (!statSync(real).isFile()) continue
    } catch {
      continue
    }
    const fd = openSync(real, 'r')
    const magic = Buffer.alloc(4)
    readSync(fd, magic, 0, 4, 0)
    closeSync(fd)
    if (magic.equals(Buffer.from([0x7f, 0x45, 0x4c, 0x46]))) seen.add(real)
  }
  return [...seen]
}

interface ReadelfView {
  class: string
  type: string
  pie: boolean
  machine: string
  interpreter?: string
  needed: string[]
  soname?: string
  runpath?: string
  buildId?: string
  sections: { name: string; size: number }[]
}

/** readelf's text for several files, split per "File: " header. */
function readelf(paths: readonly string[]): Map<string, ReadelfView> {
  const out = execFileSync('readelf', ['-h', '-l', '-d', '-n', '-S', '-W', ...paths], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, LC_ALL: 'C' },
    stdio: ['ignore', 'pipe', 'ignore'],
  })
  const views = new Map<string, ReadelfView>()
  const blocks = paths.length === 1 ? [`File: ${paths[0]}\n${out}`] : out.split(/^(?=File: )/m)
  for (const block of blocks) {
    const file = /^File: (.*)$/m.exec(block)?.[1]
    if (file === undefined) continue
    const field = (name: string): string =>
      new RegExp(`^\\s+${name}:\\s+(.*)$`, 'm').exec(block)?.[1] ?? ''
    const bracket = (label: string): string[] =>
      [...block.matchAll(new RegExp(`\\(${label}\\)\\s+[^[]*\\[(.*)\\]$`, 'gm'))].map(
        (m) => m[1] ?? '',
      )
    const typeLine = field('Type')
    const view: ReadelfView = {
      class: field('Class'),
      type: typeLine.split(' ')[0] ?? '',
      pie: typeLine.includes('Position-Independent'),
      machine: field('Machine'),
      needed: bracket('NEEDED'),
      sections: [],
    }
    const interpreter = /\[Requesting program interpreter: (.*)\]/.exec(block)?.[1]
    if (interpreter !== undefined) view.interpreter = interpreter
    const soname = bracket('SONAME')[0]
    if (soname !== undefined) view.soname = soname
    const runpath = bracket('RUNPATH')[0] ?? bracket('RPATH')[0]
    if (runpath !== undefined) view.runpath = runpath
    const buildId = /\sBuild ID: ([0-9a-f]+)$/m.exec(block)?.[1]
    if (buildId !== undefined) view.buildId = buildId
    for (const m of block.matchAll(/^\s+\[\s*(\d+)\] (.*)$/gm)) {
      const words = (m[2] ?? '').trim().split(/\s+/)
      // Section 0 (and any unnamed section) has no name column.
      const named = /^[0-9a-f]{8,}$/.test(words[2] ?? '')
      const [name, , , , size] = named ? words : ['', ...words]
      view.sections.push({ name: name ?? '', size: parseInt(size ?? 'x', 16) })
    }
    views.set(file, view)
  }
  return views
}

const MACHINES: Readonly<Record<string, string>> = {
  'Advanced Micro Devices X86-64': 'x86-64',
  AArch64: 'AArch64',
  'Intel 80386': 'Intel 80386',
  ARM: 'ARM',
}

function compare(path: string, ours: ElfSummary, theirs: ReadelfView): void {
  const where = `${path}: `
  assert.equal(ours.class, theirs.class, `${where}class`)
  assert.equal(ours.type, theirs.type, `${where}type`)
  assert.equal(ours.pie, theirs.pie, `${where}PIE`)
  assert.equal(ours.machine, MACHINES[theirs.machine] ?? theirs.machine, `${where}machine`)
  assert.equal(ours.interpreter, theirs.interpreter, `${where}interpreter`)
  assert.deepEqual(ours.needed, theirs.needed, `${where}needed`)
  assert.equal(ours.soname, theirs.soname, `${where}soname`)
  assert.equal(ours.runpath, theirs.runpath, `${where}runpath`)
  assert.equal(ours.buildId, theirs.buildId, `${where}build id`)
  assert.deepEqual(
    ours.sections.map((s) => ({ name: s.name, size: s.size })),
    theirs.sections,
    `${where}sections`,
  )
  assert.deepEqual(ours.problems, [], `${where}problems`)
}

test('every ELF in /usr/bin is summarised as readelf reads it, from its headers only', async (t) => {
  const files = elfFiles()
  assert.ok(files.length >= 50, `expected many ELF files in ${BIN}, found ${files.length}`)
  let bytesRead = 0
  let bytesTotal = 0
  let withNeeded = 0
  let withBuildId = 0
  for (let i = 0; i < files.length; i += BATCH) {
    const batch = files.slice(i, i + BATCH)
    const views = readelf(batch)
    for (const path of batch) {
      const theirs = views.get(path)
      assert.ok(theirs, `readelf said nothing about ${path}`)
      const reader = fileReader(path)
      try {
        const ours = await summarizeElf(reader.readAt, reader.size)
        compare(path, ours, theirs)
        if (ours.needed.length > 0) withNeeded++
        if (ours.buildId !== undefined) withBuildId++
      } finally {
        reader.close()
      }
      bytesRead += reader.read()
      bytesTotal += reader.size
    }
  }
  // The sample must exercise what is compared, and the reads stay a small part of the files.
  assert.ok(withNeeded > files.length / 2, `${withNeeded} of ${files.length} have DT_NEEDED`)
  assert.ok(withBuildId > files.length / 2, `${withBuildId} of ${files.length} have a build id`)
  t.diagnostic(`${files.length} ELF files, ${bytesRead} of ${bytesTotal} bytes read`)
  assert.ok(bytesRead < bytesTotal / 4, `read ${bytesRead} of ${bytesTotal} bytes`)
})

/** A readAt over bytes in memory. */
const memory =
  (bytes: Uint8Array) =>
  (offset: number, length: number): Promise<Uint8Array> =>
    Promise.resolve(bytes.subarray(offset, offset + length))

test('a cut-short or lying ELF is refused or its problems named, without reading past caps', async () => {
  const real = readFileHead('/usr/bin/env')
  await assert.rejects(summarizeElf(memory(real.subarray(0, 20)), 20), ElfFormatError)
  await assert.rejects(
    summarizeElf(memory(Buffer.from('#!/bin/sh\n')), 10),
    (error) => error instanceof ElfFormatError && error.problem.kind === 'elfNoMagic',
  )

  // Section header table pointed far past the end: named as a problem, the rest still shown.
  const lying = Buffer.from(real)
  lying.writeBigUInt64LE(BigInt(10 * 1024 * 1024 * 1024), 40)
  const summary = await summarizeElf(memory(lying), lying.length)
  assert.equal(summary.class, 'ELF64')
  assert.deepEqual(summary.sections, [])
  assert.ok(
    summary.problems.some((p) => p.kind === 'elfPartOutsideFile' && p.part === 'sectionHeaders'),
    JSON.stringify(summary.problems),
  )
  assert.ok(
    summary.problems
      .map(englishInspectProblem)
      .includes('the section header table lies outside the file'),
  )

  // A program header table claimed to hold 65,000 entries: over the 1 MiB cap, not read.
  const huge = Buffer.from(real)
  huge.writeUInt16LE(65_000, 56)
  let asked = 0
  const counting = (offset: number, length: number): Promise<Uint8Array> => {
    asked = Math.max(asked, length)
    return memory(huge)(offset, length)
  }
  const capped = await summarizeElf(counting, 1024 * 1024 * 1024)
  assert.ok(
    capped.problems.some(
      (p) =>
        p.kind === 'elfPartTooLarge' && p.part === 'programHeaders' && p.limitBytes === 1024 * 1024,
    ),
    JSON.stringify(capped.problems),
  )
  assert.ok(
    capped.problems
      .map(englishInspectProblem)
      .includes('the program header table is larger than 1 MiB'),
  )
  assert.ok(asked <= 1024 * 1024)
})

function readFileHead(path: string): Buffer {
  const fd = openSync(path, 'r')
  const size = statSync(path).size
  const buffer = Buffer.alloc(size)
  readSync(fd, buffer, 0, size, 0)
  closeSync(fd)
  return buffer
}
