// Kills a process in the middle of journal writes (SIGKILL at a random moment), reopens the
// journal and checks nothing acknowledged was lost, nothing is corrupted, and appends resume.
// The writer is this same file run with STRATA_JOURNAL_WRITER set: it appends batches of
// observations with a known sequence and prints the count after each fsynced append.

import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { TagObservation } from '../../../shared/api/history'
import { JOURNAL_FILE, TagJournal } from '../../../electron/history/tagJournal'

const WRITER_ENV = 'STRATA_JOURNAL_WRITER'

/** Observation number n: a distinct tag each time, so dedupe keeps every one. */
function nth(n: number): TagObservation {
  return {
    registry: '127.0.0.1:5000',
    repository: 'crash/test',
    tag: `t-${n}`,
    digest: `sha256:${n.toString(16).padStart(64, '0')}`,
    seenAt: new Date(Date.UTC(2026, 0, 1) + n).toISOString(),
    source: 'watch',
  }
}

async function runWriter(dataDir: string): Promise<void> {
  const journal = await TagJournal.open({ dataDir })
  let n = journal.observations().length
  for (;;) {
    // Mostly small batches; every few a large one, which Node writes in several chunks, so
    // a kill can land between them and leave a torn last line.
    const size = n % 7 === 3 ? 4000 : 1 + (n % 23)
    const batch = Array.from({ length: size }, (_, i) => nth(n + i))
    await journal.append(batch)
    n += size
    process.stdout.write(`${n}\n`)
  }
}

const writerDir = process.env[WRITER_ENV]
if (writerDir !== undefined) {
  await runWriter(writerDir)
} else {
  describe('tag journal under SIGKILL', () => {
    it('keeps every acknowledged line and stays appendable, over several kills', async (t) => {
      const dir = await mkdtemp(join(tmpdir(), 'strata-crash-'))
      try {
        let acknowledged = 0
        let tornTails = 0
        for (let round = 0; round < 4; round += 1) {
          acknowledged = await killWriterMidway(dir, acknowledged)
          const journal = await TagJournal.open({ dataDir: dir })
          const stored = journal.observations()
          assert.equal(journal.openReport.corruptLines, 0, 'no corrupted entry')
          if (journal.openReport.tornTail !== 'none') tornTails += 1
          assert.ok(stored.length >= acknowledged, `${stored.length} >= ${acknowledged}`)
          stored.forEach((o, i) => assert.deepEqual(o, nth(i)))
          await journal.close()
          const text = await readFile(join(dir, JOURNAL_FILE), 'utf8')
          assert.ok(text.endsWith('\n'), 'the file ends on a whole line after reopening')
          acknowledged = stored.length
        }
        t.diagnostic(`torn tails repaired on reopen: ${tornTails} of 4 kills`)
        const journal = await TagJournal.open({ dataDir: dir })
        const count = journal.observations().length
        await journal.append([nth(count)])
        await journal.close()
        const reopened = await TagJournal.open({ dataDir: dir })
        assert.equal(reopened.observations().length, count + 1)
        await reopened.close()
      } finally {
        await rm(dir, { recursive: true, force: true })
      }
    })
  })
}

/** Starts the writer, waits until it has acknowledged a little more, kills it at random. */
async function killWriterMidway(dir: string, already: number): Promise<number> {
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url)], {
    env: { ...process.env, [WRITER_ENV]: dir },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let lastAck = already
  let buffered = ''
  let errors = ''
  child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString('utf8')))
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  await new Promise<void>((resolve, reject) => {
    const target = already + 200 + Math.floor(Math.random() * 800)
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('utf8')
      const lines = buffered.split('\n')
      buffered = lines.pop() ?? ''
      for (const line of lines) lastAck = Number(line)
      if (lastAck >= target) resolve()
    })
    child.once('exit', () => reject(new Error(`writer exited early: ${errors}`)))
  })
  // A random extra delay so the kill lands anywhere inside a write/fsync cycle.
  await new Promise((resolve) => setTimeout(resolve, Math.random() * 20))
  child.kill('SIGKILL')
  await exited
  return lastAck
}
