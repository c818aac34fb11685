// Tag history against the real registry: list and resolve a repository into the journal, move
// a tag by pushing a new manifest under it, list again: the journal shows the move with both
// digests, survives a reopen, and the watcher records on its own.

import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { TagObservation } from '../../../shared/api/history'
import { observeRepository } from '../../../electron/history/observeRepository'
import { TagJournal } from '../../../electron/history/tagJournal'
import { TagWatcher } from '../../../electron/history/tagWatcher'
import { movesOf, tagAsOf } from '../../../electron/history/timeline'
import { RegistryClientPool } from '../../../electron/registry/clientPool'
import { OciLayoutBuilder } from '../../harness/ociBuilder'
import { addFixtureImage, appFilesFor } from '../../harness/ociFixtureImages'
import { RegistryPusher } from '../../harness/ociPusher'
import { pushFixtures } from '../../harness/registryFixtures'
import type { FixtureSet } from '../../harness/registryFixtures'
import { startRegistry } from '../../harness/registryServer'
import type { RunningRegistry } from '../../harness/registryServer'

describe('tag history against the registry', () => {
  let registry: RunningRegistry
  let fixtures: FixtureSet
  let pool: RegistryClientPool
  let dataDir: string

  before(async () => {
    registry = await startRegistry()
    fixtures = await pushFixtures({ host: registry.host })
    pool = new RegistryClientPool()
    dataDir = await mkdtemp(join(tmpdir(), 'strata-history-'))
  })
  after(async () => {
    await pool?.close()
    await registry?.stop()
    await rm(dataDir, { recursive: true, force: true })
  })

  it('records a tag that moves, with both digests, across a reopen', async () => {
    const client = pool.clientFor(registry.host)
    const journal = await TagJournal.open({ dataDir })
    const t1 = new Date('2026-03-01T10:00:00Z')
    const first = await observeRepository(client, 'demo/app', { source: 'list', now: () => t1 })
    const tags = first.map((o) => o.tag).sort()
    assert.deepEqual(tags, [fixtures.artifact.fallbackTag, 'v1'].sort())
    await journal.append(first)

    // Move demo/app:v1 to a new image.
    const b = new OciLayoutBuilder(join(dataDir, 'unused'))
    const moved = addFixtureImage(b, {
      platform: { os: 'linux', architecture: 'amd64' },
      appFiles: appFilesFor('demo/app v2'),
    })
    await new RegistryPusher({ host: registry.host }).pushTree(
      'demo/app',
      moved.manifest.digest,
      moved.manifest.mediaType,
      (digest) => b.getBlob(digest),
      ['v1'],
    )
    const t2 = new Date('2026-03-01T11:00:00Z')
    const second = await observeRepository(client, 'demo/app', { source: 'list', now: () => t2 })
    const stored = await journal.append(second)
    assert.equal(stored.stored, 1, 'only the moved tag is stored again')
    await journal.close()

    const reopened = await TagJournal.open({ dataDir })
    const timeline = reopened.timeline(registry.host, 'demo/app')
    assert.deepEqual(movesOf(timeline), [
      {
        tag: 'v1',
        fromDigest: fixtures.plain.digest,
        toDigest: moved.manifest.digest,
        at: t2.toISOString(),
        lastSeenBefore: t1.toISOString(),
      },
    ])
    assert.equal(
      tagAsOf(timeline, 'v1', new Date('2026-03-01T10:30:00Z'))?.digest,
      fixtures.plain.digest,
    )
    assert.equal(tagAsOf(timeline, 'v1', t2)?.digest, moved.manifest.digest)
    const fallback = timeline.tags.find((t) => t.tag === fixtures.artifact.fallbackTag)
    assert.deepEqual(fallback?.segments, [
      {
        digest: fixtures.artifact.fallbackIndexDigest,
        from: t1.toISOString(),
        to: t2.toISOString(),
        observations: 1,
      },
    ])
    await reopened.close()
  })

  it('watches a repository on an interval and stops cleanly', async () => {
    const client = pool.clientFor(registry.host)
    const journal = await TagJournal.open({ dataDir, fileName: 'watch.jsonl' })
    const batches: (readonly TagObservation[])[] = []
    let resolveTwo: () => void = () => undefined
    const twoChecks = new Promise<void>((resolve) => (resolveTwo = resolve))
    const watcher = new TagWatcher({
      intervalMs: 30,
      check: (target, signal) =>
        observeRepository(client, target.repository, { source: 'watch', signal }),
      record: (observations) => journal.append(observations),
      onChecked: (_target, observations) => {
        batches.push(observations)
        if (batches.length >= 2) resolveTwo()
      },
      onError: (_target, error) => assert.fail(String(error)),
    })
    watcher.watch({ registry: registry.host, repository: 'demo/multi' })
    await twoChecks
    await watcher.stop()
    const count = batches.length
    await new Promise((resolve) => setTimeout(resolve, 80))
    assert.equal(batches.length, count, 'no check after stop')
    const observed = journal.observations()
    assert.equal(observed[0]?.digest, fixtures.multiPlatform.digest)
    assert.equal(observed[0]?.source, 'watch')
    assert.equal(observed.length, 1, 'repeated sightings only refresh last-seen')
    const lastSeen = journal.lastSeenOf(registry.host, 'demo/multi', 'latest')
    assert.ok(lastSeen !== undefined && lastSeen.seenAt >= (observed[0]?.seenAt ?? ''))
    await journal.close()
  })
})
