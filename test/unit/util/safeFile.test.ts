// The safe-open module every local store reads through (electron/util/safeFile.ts), on real
// files: symbolic links anywhere below a store root, FIFOs, devices, caps.

import assert from 'node:assert/strict'
import { execFileSync, spawn } from 'node:child_process'
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, test } from 'node:test'
import { StrataError } from '../../../shared/errors'
import {
  checkStoreDirectory,
  openStoreFile,
  openUserFile,
  rangeStream,
  readStoreFile,
  readUserFile,
} from '../../../electron/util/safeFile'

let scratch: string
/** A store: store/a/b/file.json, and next to it things that must not be reachable. */
let store: string

before(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'strata-safefile-'))
  store = join(scratch, 'store')
  await mkdir(join(store, 'a', 'b'), { recursive: true })
  await writeFile(join(store, 'a', 'b', 'file.json'), '{"ok":true}')
  await mkdir(join(scratch, 'outside'))
  await writeFile(join(scratch, 'outside', 'file.json'), '{"secret":"outside"}')
})
after(async () => {
  await rm(scratch, { recursive: true, force: true })
})

/** Runs `action`, which must fail fast with a StrataError of `code` whose message matches. */
async function refused(
  action: () => Promise<unknown>,
  code: string,
  message: RegExp,
): Promise<StrataError> {
  const started = Date.now()
  try {
    await action()
  } catch (error) {
    assert.ok(error instanceof StrataError, `expected a StrataError, got ${String(error)}`)
    assert.equal(error.code, code, error.message)
    assert.match(error.message, message)
    assert.ok(Date.now() - started < 2000, `took ${Date.now() - started} ms`)
    return error
  }
  assert.fail('expected a refusal, but it succeeded')
}

const cap = { maxBytes: 1024, what: 'a test document' }

describe('openStoreFile', () => {
  test('reads a regular file below the root, by relative or absolute path', async () => {
    const bytes = await readStoreFile(store, 'a/b/file.json', 'a test file', cap)
    assert.equal(Buffer.from(bytes).toString(), '{"ok":true}')
    const again = await readStoreFile(store, join(store, 'a/b/file.json'), 'a test file', cap)
    assert.deepEqual(again, bytes)
  })

  test('the root itself may be reached through a symbolic link', async () => {
    const linkedRoot = join(scratch, 'linked-store')
    await symlink(store, linkedRoot)
    const file = await openStoreFile(linkedRoot, 'a/b/file.json', 'a test file')
    try {
      assert.equal(file.path, join(linkedRoot, 'a/b/file.json'), 'messages show the given root')
      assert.equal(file.size, 11)
    } finally {
      await file.handle.close()
    }
  })

  test('a symbolic link as the file is refused', async () => {
    await symlink(join(scratch, 'outside', 'file.json'), join(store, 'a', 'link.json'))
    await refused(
      () => readStoreFile(store, 'a/link.json', 'a test file', cap),
      'BAD_INPUT',
      /a\/link\.json is a symbolic link; Strata does not follow symbolic links/,
    )
  })

  test('a symbolic link anywhere along the path is refused, naming that directory', async () => {
    await symlink(join(scratch, 'outside'), join(store, 'a', 'linked-dir'))
    const error = await refused(
      () => readStoreFile(store, 'a/linked-dir/file.json', 'a test file', cap),
      'BAD_INPUT',
      /a\/linked-dir is a symbolic link/,
    )
    assert.doesNotMatch(error.message, /secret/)
    await refused(
      () => checkStoreDirectory(store, 'a/linked-dir', 'a test directory'),
      'BAD_INPUT',
      /linked-dir is a symbolic link/,
    )
    await checkStoreDirectory(store, 'a/b', 'a test directory')
  })

  test('paths that climb out of the root are a caller bug', async () => {
    await refused(() => openStoreFile(store, '../outside/file.json', 'x'), 'INTERNAL', /inside/)
    await refused(
      () => openStoreFile(store, join(scratch, 'outside', 'file.json'), 'x'),
      'INTERNAL',
      /inside/,
    )
  })

  test('missing files are NOT_FOUND naming the file', async () => {
    await refused(
      () => openStoreFile(store, 'a/b/missing.json', 'a test file'),
      'NOT_FOUND',
      /a\/b\/missing\.json does not exist \(expected a test file\)/,
    )
    await refused(
      () => openStoreFile(store, 'a/b/file.json/deeper', 'a test file'),
      'NOT_FOUND',
      /file\.json is a file, not a directory/,
    )
  })

  test('FIFOs and devices are refused at once, again and again, and files still read', async () => {
    const fifo = join(store, 'a', 'pipe')
    execFileSync('mkfifo', [fifo])
    await symlink('/dev/zero', join(store, 'a', 'zero'))
    // More refusals than libuv has pool threads (4): a blocking open would starve the pool.
    const attempts = Array.from({ length: 8 }, () =>
      refused(
        () => readStoreFile(store, 'a/pipe', 'a test file', cap),
        'BAD_INPUT',
        /a\/pipe is a FIFO \(named pipe\), not a regular file; expected a test file/,
      ),
    )
    await Promise.all(attempts)
    await refused(
      () => readUserFile(fifo, 'a config file', cap),
      'BAD_INPUT',
      /is a FIFO \(named pipe\), not a regular file/,
    )
    await refused(
      () => readStoreFile(store, 'a/zero', 'a test file', cap),
      'BAD_INPUT',
      /a\/zero is a symbolic link/,
    )
    // A file the user names may be a link, but /dev/zero is still not a regular file.
    await refused(
      () => readUserFile(join(store, 'a', 'zero'), 'a config file', cap),
      'BAD_INPUT',
      /zero is a character device, not a regular file/,
    )
    await refused(
      () => openUserFile(store, 'an archive'),
      'BAD_INPUT',
      /is a directory; expected an archive/,
    )
    const bytes = await readStoreFile(store, 'a/b/file.json', 'a test file', cap)
    assert.equal(bytes.byteLength, 11)
  })
})

describe('a directory swapped for a symbolic link while files are opened', () => {
  test('never yields a file from outside the store', async () => {
    const race = join(scratch, 'race')
    await mkdir(join(race, 'store', 'a', 'b'), { recursive: true })
    await writeFile(join(race, 'store', 'a', 'b', 'f'), 'inside')
    await mkdir(join(race, 'outside'))
    await writeFile(join(race, 'outside', 'f'), 'OUTSIDE')
    await symlink(join(race, 'outside'), join(race, 'store', 'a', 'b_link'))
    // Another process swaps a/b between the real directory and a link to `outside`, as fast
    // as rename allows, so some opens land between Strata's checks and its open.
    const swapper = spawn(
      'python3',
      [
        '-c',
        [
          'import os, sys',
          'os.chdir(sys.argv[1])',
          'while True:',
          "  os.rename('b', 'b_real'); os.rename('b_link', 'b')",
          "  os.rename('b', 'b_link'); os.rename('b_real', 'b')",
        ].join('\n'),
        join(race, 'store', 'a'),
      ],
      { stdio: 'ignore' },
    )
    const outcomes = new Map<string, number>()
    const count = (key: string): void => {
      outcomes.set(key, (outcomes.get(key) ?? 0) + 1)
    }
    try {
      for (let i = 0; i < 3000; i++) {
        try {
          const bytes = await readStoreFile(join(race, 'store'), 'a/b/f', 'a test file', cap)
          count(Buffer.from(bytes).toString())
        } catch (error) {
          assert.ok(error instanceof StrataError, String(error))
          count(error.code)
        }
      }
    } finally {
      swapper.kill()
    }
    const summary = JSON.stringify(Object.fromEntries(outcomes))
    assert.equal(outcomes.get('OUTSIDE'), undefined, summary)
    assert.ok((outcomes.get('inside') ?? 0) > 0, summary)
    assert.ok((outcomes.get('BAD_INPUT') ?? 0) > 0, `the swap was never seen: ${summary}`)
  })
})

describe('capped reads', () => {
  test('a file over its cap is TOO_LARGE, naming the cap and the kind of file', async () => {
    await writeFile(join(store, 'big.json'), Buffer.alloc(5000, 0x20))
    const error = await refused(
      () => readStoreFile(store, 'big.json', 'a test file', cap),
      'TOO_LARGE',
      /big\.json is larger than the 1 KiB a test document may be/,
    )
    assert.equal(error.detail?.subject, join(store, 'big.json'))
    const exact = await readStoreFile(store, 'big.json', 'a test file', { ...cap, maxBytes: 5000 })
    assert.equal(exact.byteLength, 5000)
  })

  test('a range stream never reads past its end', async () => {
    await writeFile(join(store, 'digits'), '0123456789')
    const file = await openStoreFile(store, 'digits', 'a test file')
    const chunks: Buffer[] = []
    for await (const chunk of rangeStream(file, { start: 2, end: 4 })) chunks.push(chunk as Buffer)
    assert.equal(Buffer.concat(chunks).toString(), '234')
  })
})
