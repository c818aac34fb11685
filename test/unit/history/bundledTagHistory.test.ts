// The bundled tag history file is untrusted: each field is checked, a bad file is refused whole
// with a message naming the file and the first fault (never its content), and importing it
// twice into a real journal stores nothing the second time.

import { after, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { StrataError } from '../../../shared/errors'
import { TAG_HISTORY_FILE } from '../../../shared/samples'
import {
  importBundledTagHistory,
  parseBundledTagHistory,
  readBundledTagHistory,
} from '../../../electron/history/bundledTagHistory'
import { TagJournal } from '../../../electron/history/tagJournal'

const OLD = `sha256:${'a'.repeat(64)}`
const NEW = `sha256:${'b'.repeat(64)}`
const valid = {
  format: 'strata-tag-history',
  version: 1,
  observations: [
    { tag: '1.0', digest: NEW, seenAt: '2024-04-15T10:05:00Z' },
    { tag: '1.0', digest: OLD, seenAt: '2024-03-01T12:05:00Z' },
  ],
}

function malformed(value: unknown, fault: RegExp): void {
  assert.throws(
    () => parseBundledTagHistory(value, '/layout/strata-tag-history.json'),
    (error: unknown) =>
      error instanceof StrataError &&
      error.code === 'MALFORMED' &&
      error.message.includes('/layout/strata-tag-history.json') &&
      fault.test(error.message),
  )
}

describe('bundled tag history', () => {
  const dirs: string[] = []
  after(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true })
  })

  it('accepts a valid file and refuses each kind of fault', () => {
    assert.equal(parseBundledTagHistory(valid, 'x').length, 2)
    malformed([], /"format"/)
    malformed({ ...valid, format: 'other' }, /"format"/)
    malformed({ ...valid, version: 2 }, /"version"/)
    malformed({ ...valid, observations: {} }, /not a list/)
    malformed({ ...valid, observations: [1] }, /observation 1 is not an object/)
    malformed({ ...valid, observations: [{ ...valid.observations[0], tag: '../x' }] }, /tag/)
    malformed(
      { ...valid, observations: [{ ...valid.observations[0], digest: 'sha256:12' }] },
      /digest/,
    )
    malformed(
      { ...valid, observations: [{ ...valid.observations[0], seenAt: '2024-04-15 10:05' }] },
      /seenAt/,
    )
    const many = Array.from({ length: 10_001 }, () => valid.observations[0])
    malformed({ ...valid, observations: many }, /more than 10000/)
  })

  it('reads nothing from a layout without the file, refuses invalid JSON without quoting it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'strata-bundled-history-'))
    dirs.push(dir)
    assert.deepEqual(await readBundledTagHistory(dir), [])
    await writeFile(join(dir, TAG_HISTORY_FILE), '{"secret-looking": tru')
    await assert.rejects(readBundledTagHistory(dir), (error: unknown) => {
      assert.ok(error instanceof StrataError && error.code === 'MALFORMED')
      assert.ok(!error.message.includes('secret-looking'))
      return true
    })
  })

  it('imports oldest first into a journal, and a second import stores nothing', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'strata-bundled-history-'))
    dirs.push(dir)
    await writeFile(join(dir, TAG_HISTORY_FILE), JSON.stringify(valid))
    const journal = await TagJournal.open({ dataDir: join(dir, 'data') })
    try {
      assert.equal(await importBundledTagHistory(journal, 'oci', dir), 2)
      assert.equal(await importBundledTagHistory(journal, 'oci', dir), 0)
      const segments = journal.timeline('oci', dir).tags[0]?.segments.map((s) => s.digest)
      assert.deepEqual(segments, [OLD, NEW])
    } finally {
      await journal.close()
    }
  })
})
