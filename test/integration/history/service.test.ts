// The tag-history service end to end: sightings recorded as tags are resolved, a repository
// observed on demand against the real registry, exports, and Quay's tag-history API merged in
// (served here by a loopback stand-in with Quay's documented shape and paging).

import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtemp, rm } from 'node:fs/promises'
import { createServer } from 'node:http'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { TagHistoryService } from '../../../electron/history/tagHistoryService'
import { fetchQuayTagHistory } from '../../../electron/history/quayTagHistory'
import { RegistryClientPool } from '../../../electron/registry/clientPool'
import { pushFixtures } from '../../harness/registryFixtures'
import type { FixtureSet } from '../../harness/registryFixtures'
import { startRegistry } from '../../harness/registryServer'
import type { RunningRegistry } from '../../harness/registryServer'

const OLD = `sha256:${'1'.repeat(64)}`
const NEW = `sha256:${'2'.repeat(64)}`

describe('tag-history service', () => {
  let registry: RunningRegistry
  let fixtures: FixtureSet
  let pool: RegistryClientPool
  let dataDir: string
  let quay: Server
  let quayOrigin: string
  const quayRequests: string[] = []

  before(async () => {
    registry = await startRegistry()
    fixtures = await pushFixtures({ host: registry.host })
    pool = new RegistryClientPool()
    dataDir = await mkdtemp(join(tmpdir(), 'strata-history-service-'))
    quay = createServer((req, res) => {
      quayRequests.push(req.url ?? '')
      const url = new URL(req.url ?? '/', 'http://x')
      if (url.pathname !== '/api/v1/repository/ns/app/tag/') return void res.writeHead(404).end()
      const page = Number(url.searchParams.get('page'))
      const tags =
        page === 1
          ? [{ name: 'latest', start_ts: 1_700_000_500, manifest_digest: NEW, reversion: false }]
          : [
              {
                name: 'latest',
                start_ts: 1_700_000_000,
                end_ts: 1_700_000_500,
                manifest_digest: OLD,
                reversion: false,
              },
            ]
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ tags, page, has_additional: page === 1 }))
    })
    await new Promise<void>((resolve) => quay.listen(0, '127.0.0.1', resolve))
    quayOrigin = `http://127.0.0.1:${(quay.address() as AddressInfo).port}`
  })
  after(async () => {
    await pool?.close()
    await registry?.stop()
    await new Promise((resolve) => quay?.close(resolve))
    await rm(dataDir, { recursive: true, force: true })
  })

  it('records sightings and observations, answers queries and exports', async () => {
    let clock = Date.parse('2026-04-01T00:00:00Z')
    const service = await TagHistoryService.open({
      dataDir,
      clientFor: (host) => pool.clientFor(host),
      now: () => new Date(clock),
    })
    await service.record({
      registry: registry.host,
      repository: 'demo/docker',
      tag: 'v1',
      digest: fixtures.docker.digest,
      source: 'resolve',
    })
    clock += 60_000
    const result = await service.observeNow(registry.host, 'demo/docker')
    assert.deepEqual(result, { stored: 0, refreshed: 1 })
    const [tag] = service.timeline(registry.host, 'demo/docker').tags
    assert.deepEqual(tag?.segments, [
      {
        digest: fixtures.docker.digest,
        from: '2026-04-01T00:00:00.000Z',
        to: '2026-04-01T00:01:00.000Z',
        observations: 1,
      },
    ])
    assert.equal(
      service.asOf(registry.host, 'demo/docker', 'v1', new Date(clock))?.digest,
      fixtures.docker.digest,
    )
    const csv = service.export('csv', { registry: registry.host, repository: 'demo/docker' })
    assert.equal(
      csv,
      'registry,repository,tag,digest,seenAt,source\r\n' +
        `${registry.host},demo/docker,v1,${fixtures.docker.digest},2026-04-01T00:00:00.000Z,resolve\r\n`,
    )
    await service.close()
  })

  it('merges Quay tag history, following its pages', async () => {
    const direct = await fetchQuayTagHistory({
      registry: 'quay.example',
      repository: 'ns/app',
      apiOrigin: quayOrigin,
    })
    assert.deepEqual(
      direct.map((o) => [o.digest, o.seenAt]),
      [
        [OLD, '2023-11-14T22:13:20.000Z'],
        [OLD, '2023-11-14T22:21:39.999Z'],
        [NEW, '2023-11-14T22:21:40.000Z'],
      ],
    )
    assert.ok(quayRequests.every((u) => u.includes('onlyActiveTags=false')))

    const service = await TagHistoryService.open({
      dataDir,
      clientFor: (host) => pool.clientFor(host),
    })
    const merged = await service.mergeQuayHistory('quay.example', 'ns/app', {
      apiOrigin: quayOrigin,
      tag: 'latest',
    })
    assert.equal(merged.stored, 3)
    assert.ok(quayRequests.at(-1)?.includes('specificTag=latest'))
    assert.deepEqual(service.moves('quay.example', 'ns/app'), [
      {
        tag: 'latest',
        fromDigest: OLD,
        toDigest: NEW,
        at: '2023-11-14T22:21:40.000Z',
        lastSeenBefore: '2023-11-14T22:21:39.999Z',
      },
    ])
    await assert.rejects(
      service.mergeQuayHistory('quay.example', 'ns/missing', { apiOrigin: quayOrigin }),
      { code: 'NOT_FOUND' },
    )
    await service.close()
  })
})
