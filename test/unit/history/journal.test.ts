import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { appendFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { TagObservation } from '../../../shared/api/history'
import { JOURNAL_FILE, TagJournal } from '../../../electron/history/tagJournal'
import { movesOf, tagAsOf } from '../../../electron/history/timeline'
import { encodeObservation } from '../../../electron/history/journalLines'
import {
  csvField,
  observationsToCsv,
  observationsToJson,
} from '../../../electron/history/journalExport'

const A = `sha256:${'a'.repeat(64)}`
const B = `sha256:${'b'.repeat(64)}`
const HOUR = 3_600_000
const T0 = Date.parse('2026-01-01T00:00:00Z')

function obs(
  tag: string,
  digest: string,
  atMs: number,
  source: TagObservation['source'] = 'list',
): TagObservation {
  return {
    registry: '127.0.0.1:5000',
    repository: 'demo/app',
    tag,
    digest,
    seenAt: new Date(atMs).toISOString(),
    source,
  }
}

async function withDir(run: (dir: string) => Promise<void>): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'strata-journal-'))
  try {
    await run(dir)
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

describe('tag journal', () => {
  it('stores a tag once per digest run and per heartbeat, keeping last-seen freshness', () =>
    withDir(async (dir) => {
      const journal = await TagJournal.open({ dataDir: dir, heartbeatMs: 6 * HOUR })
      const first = await journal.append([obs('v1', A, T0), obs('v1', A, T0 + HOUR)])
      assert.deepEqual(first, { stored: 1, refreshed: 1 })
      assert.deepEqual((await journal.append([obs('v1', A, T0 + 2 * HOUR)])).stored, 0)
      assert.deepEqual((await journal.append([obs('v1', A, T0 + 7 * HOUR)])).stored, 1)
      assert.deepEqual((await journal.append([obs('v1', B, T0 + 8 * HOUR)])).stored, 1)
      assert.deepEqual((await journal.append([obs('v1', B, T0 + 9 * HOUR)])).stored, 0)
      await journal.close()

      const lines = (await readFile(join(dir, JOURNAL_FILE), 'utf8')).trimEnd().split('\n')
      assert.equal(lines.length, 3)

      const again = await TagJournal.open({ dataDir: dir, heartbeatMs: 6 * HOUR })
      const timeline = again.timeline('127.0.0.1:5000', 'demo/app')
      assert.deepEqual(timeline.tags[0]?.segments, [
        { digest: A, from: iso(T0), to: iso(T0 + 7 * HOUR), observations: 2 },
        // "to" comes from the last-seen sidecar: the 9h sighting was not stored as a line.
        { digest: B, from: iso(T0 + 8 * HOUR), to: iso(T0 + 9 * HOUR), observations: 1 },
      ])
      assert.deepEqual(movesOf(timeline), [
        {
          tag: 'v1',
          fromDigest: A,
          toDigest: B,
          at: iso(T0 + 8 * HOUR),
          lastSeenBefore: iso(T0 + 7 * HOUR),
        },
      ])
      assert.equal(tagAsOf(timeline, 'v1', new Date(T0 - 1)), undefined)
      assert.equal(tagAsOf(timeline, 'v1', new Date(T0 + 3 * HOUR))?.digest, A)
      assert.equal(tagAsOf(timeline, 'v1', new Date(T0 + 7.5 * HOUR))?.certainty, 'last-known')
      assert.equal(tagAsOf(timeline, 'v1', new Date(T0 + 8 * HOUR))?.digest, B)
      assert.equal(tagAsOf(timeline, 'v1', new Date(T0 + 8.5 * HOUR))?.certainty, 'observed')
      await again.close()
    }))

  it('stores a backfilled older observation once, and never an exact duplicate', () =>
    withDir(async (dir) => {
      const journal = await TagJournal.open({ dataDir: dir })
      await journal.append([obs('v1', B, T0 + 10 * HOUR)])
      const quay = [obs('v1', A, T0, 'quay'), obs('v1', A, T0 + HOUR, 'quay')]
      assert.equal((await journal.append(quay)).stored, 2)
      assert.equal((await journal.append(quay)).stored, 0)
      const timeline = journal.timeline('127.0.0.1:5000', 'demo/app')
      assert.deepEqual(
        timeline.tags[0]?.segments.map((s) => s.digest),
        [A, B],
      )
      await journal.close()
    }))

  it('cuts a torn last line, keeps every earlier line, and appends on a fresh line', () =>
    withDir(async (dir) => {
      const path = join(dir, JOURNAL_FILE)
      const whole = [obs('a', A, T0), obs('b', A, T0), obs('c', B, T0)].map(encodeObservation)
      const torn = encodeObservation(obs('d', B, T0)).slice(0, 40)
      await writeFile(path, whole.join('') + torn)
      const journal = await TagJournal.open({ dataDir: dir })
      assert.deepEqual(journal.openReport, { lines: 3, corruptLines: 0, tornTail: 'cut' })
      assert.equal((await journal.append([obs('e', B, T0)])).stored, 1)
      await journal.close()
      const text = await readFile(path, 'utf8')
      assert.equal(text, whole.join('') + encodeObservation(obs('e', B, T0)))
    }))

  it('completes a whole last line that lost only its newline, and skips corrupt middle lines', () =>
    withDir(async (dir) => {
      const path = join(dir, JOURNAL_FILE)
      const good = encodeObservation(obs('a', A, T0))
      await writeFile(path, `${good}{"registry":"x"}\nnot json\n`)
      await appendFile(path, encodeObservation(obs('b', B, T0)).trimEnd())
      const journal = await TagJournal.open({ dataDir: dir })
      assert.deepEqual(journal.openReport, { lines: 2, corruptLines: 2, tornTail: 'completed' })
      await journal.append([obs('c', B, T0)])
      await journal.close()
      const reopened = await TagJournal.open({ dataDir: dir })
      assert.deepEqual(
        reopened.observations().map((o) => o.tag),
        ['a', 'b', 'c'],
      )
      assert.equal(reopened.openReport.tornTail, 'none')
      await reopened.close()
    }))

  it('refuses malformed observations without writing anything', () =>
    withDir(async (dir) => {
      const journal = await TagJournal.open({ dataDir: dir })
      await assert.rejects(journal.append([{ ...obs('a', A, T0), digest: 'sha256:nothex' }]), {
        code: 'BAD_INPUT',
      })
      await assert.rejects(journal.append([{ ...obs('a', A, T0), seenAt: 'yesterday' }]), {
        code: 'BAD_INPUT',
      })
      assert.equal(journal.observations().length, 0)
      await journal.close()
    }))
})

describe('journal export', () => {
  it('writes CSV with RFC 4180 quoting and JSON that parses back', () => {
    assert.equal(csvField('plain'), 'plain')
    assert.equal(csvField('a,b'), '"a,b"')
    assert.equal(csvField('say "hi"'), '"say ""hi"""')
    assert.equal(csvField('two\nlines'), '"two\nlines"')
    const rows = [obs('v1', A, T0), { ...obs('v2', B, T0), repository: 'odd,"name"' }]
    const csv = observationsToCsv(rows)
    assert.equal(
      csv,
      'registry,repository,tag,digest,seenAt,source\r\n' +
        `127.0.0.1:5000,demo/app,v1,${A},${iso(T0)},list\r\n` +
        `127.0.0.1:5000,"odd,""name""",v2,${B},${iso(T0)},list\r\n`,
    )
    assert.deepEqual(JSON.parse(observationsToJson(rows)), rows)
  })
})

function iso(ms: number): string {
  return new Date(ms).toISOString()
}
