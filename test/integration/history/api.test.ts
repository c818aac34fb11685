// The tag-history operations through the handler table, composed as the app composes them,
// against the real registry: a tag that moves (timeline, moves, as-of, exports), summaries
// recording what they resolve, a repository with more than a thousand tags observed with
// bounded concurrency, and a restart that keeps the journal and the watches.

import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtemp, rm } from 'node:fs/promises'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { ApiEvent, ProgressEvent } from '../../../shared/api'
import { englishQuayProblem } from '../../../shared/quayProblemText'
import type { Services } from '../../../electron/api/services'
import { createHandlers } from '../../../electron/api/handlers'
import type { HandlerTable } from '../../../electron/api/handlerTable'
import { composeServices } from '../../../electron/app/composeServices'
import { TagHistoryService } from '../../../electron/history/tagHistoryService'
import { startCountingProxy } from '../../harness/countingProxy'
import type { CountingProxy } from '../../harness/countingProxy'
import { callHandler, callHandlerError } from '../../harness/handlerCalls'
import { OCI } from '../../harness/ociBuilder'
import { pushTestImage } from '../../harness/imagePushing'
import type { PushedTestImage } from '../../harness/imagePushing'
import { RegistryPusher } from '../../harness/ociPusher'
import { startRegistry } from '../../harness/registryServer'
import type { RunningRegistry } from '../../harness/registryServer'

const BULK_TAGS = 1050

describe('history api against the registry', () => {
  let registry: RunningRegistry
  let proxy: CountingProxy
  let dataDir: string
  let services: Services
  let table: HandlerTable
  let imageA: PushedTestImage
  let imageB: PushedTestImage
  const warnings: string[] = []

  const compose = async (): Promise<void> => {
    services = await composeServices({
      mode: 'web',
      dataDir,
      env: {},
      onWarning: (message) => warnings.push(message),
    })
    table = createHandlers(services)
  }

  before(async () => {
    registry = await startRegistry()
    proxy = await startCountingProxy(registry.host)
    dataDir = await mkdtemp(join(tmpdir(), 'strata-history-api-'))
    await compose()
  })
  after(async () => {
    await services?.close()
    await proxy?.stop()
    await registry?.stop()
    await rm(dataDir, { recursive: true, force: true })
  })

  it('shows a tag that moves: two segments, the move, as-of and both exports', async () => {
    const repo = `${registry.host}/demo/moving`
    imageA = await pushTestImage(registry.host, 'demo/moving', ['v1'], {
      layers: [[{ type: 'file', path: 'etc/version', content: 'A\n' }]],
      created: '2026-01-01T00:00:00Z',
    })
    const first = await callHandler(table, 'history:observe', { repository: repo })
    assert.deepEqual(first, { tags: 1, appended: 1 })

    imageB = await pushTestImage(registry.host, 'demo/moving', ['v1'], {
      layers: [[{ type: 'file', path: 'etc/version', content: 'B\n' }]],
      created: '2026-02-01T00:00:00Z',
    })
    assert.notEqual(imageA.digest, imageB.digest)
    const second = await callHandler(table, 'history:observe', { repository: repo })
    assert.deepEqual(second, { tags: 1, appended: 1 })

    const timeline = await callHandler(table, 'history:timeline', { repository: repo })
    assert.equal(timeline.registry, registry.host)
    assert.equal(timeline.repository, 'demo/moving')
    assert.equal(timeline.quay, undefined, 'a loopback registry is never asked for Quay history')
    assert.equal(timeline.tags.length, 1)
    const segments = timeline.tags[0]?.segments ?? []
    assert.deepEqual(
      segments.map((s) => s.digest),
      [imageA.digest, imageB.digest],
    )
    assert.deepEqual(
      timeline.moves.map((m) => [m.tag, m.fromDigest, m.toDigest]),
      [['v1', imageA.digest, imageB.digest]],
    )
    const [segmentA, segmentB] = segments
    assert.ok(segmentA && segmentB)
    assert.equal(timeline.moves[0]?.at, segmentB.from)
    assert.equal(timeline.moves[0]?.lastSeenBefore, segmentA.to)

    // As of the instant A was last seen: A, observed.
    const asOf = await callHandler(table, 'history:asOf', {
      repository: repo,
      tag: 'v1',
      at: segmentA.to,
    })
    assert.equal(asOf.digest, imageA.digest)
    assert.equal(asOf.certainty, 'observed')
    const later = await callHandler(table, 'history:asOf', {
      repository: repo,
      tag: 'v1',
      at: '2999-01-01',
    })
    assert.equal(later.digest, imageB.digest)
    assert.equal(later.certainty, 'last-known')
    assert.equal(
      await callHandlerError(table, 'history:asOf', {
        repository: repo,
        tag: 'v1',
        at: '2001-01-01',
      }),
      'NOT_FOUND',
    )
    for (const at of ['yesterday', '2026-02-30', '2026-13-01T00:00:00Z', '']) {
      assert.equal(
        await callHandlerError(table, 'history:asOf', { repository: repo, tag: 'v1', at }),
        'BAD_INPUT',
        at,
      )
    }
    assert.equal(
      await callHandlerError(table, 'history:asOf', {
        repository: repo,
        tag: 'nope',
        at: '2999-01-01',
      }),
      'NOT_FOUND',
    )

    const csv = await callHandler(table, 'history:export', { repository: repo, format: 'csv' })
    assert.equal(csv.fileName, 'strata-tag-history-demo-moving.csv')
    assert.equal(csv.mediaType, 'text/csv')
    const rows = csv.text.trimEnd().split('\r\n')
    assert.equal(rows[0], 'registry,repository,tag,digest,seenAt,source')
    assert.deepEqual(
      rows.slice(1).map((row) => row.split(',').slice(0, 4).join(',')),
      [
        `${registry.host},demo/moving,v1,${imageA.digest}`,
        `${registry.host},demo/moving,v1,${imageB.digest}`,
      ],
    )
    const json = await callHandler(table, 'history:export', { repository: repo, format: 'json' })
    assert.equal(json.fileName, 'strata-tag-history-demo-moving.json')
    const parsed = JSON.parse(json.text) as { digest: string; source: string }[]
    assert.deepEqual(
      parsed.map((o) => [o.digest, o.source]),
      [
        [imageA.digest, 'list'],
        [imageB.digest, 'list'],
      ],
    )
    const whole = await callHandler(table, 'history:export', { format: 'json' })
    assert.equal(whole.fileName, 'strata-tag-history.json')
    assert.equal(await callHandlerError(table, 'history:export', { format: 'xml' }), 'BAD_INPUT')
  })

  it('records the tag a summary resolves, and fills in the created time', async () => {
    // Move v1 back to A: the summary is the first to see it, and records it.
    const pusher = new RegistryPusher({ host: registry.host })
    const bytes = imageA.builder.getBlob(imageA.digest)
    assert.ok(bytes)
    await pusher.pushManifest('demo/moving', 'v1', bytes, OCI.manifest)
    const summary = await callHandler(table, 'image:summary', {
      ref: `docker://${registry.host}/demo/moving:v1`,
    })
    assert.equal(summary.digest, imageA.digest)
    assert.equal(summary.created, '2026-01-01T00:00:00Z')
    // By digest: nothing to record (no tag was resolved).
    await callHandler(table, 'image:summary', {
      ref: `docker://${registry.host}/demo/moving@${imageB.digest}`,
    })
    const timeline = await callHandler(table, 'history:timeline', {
      repository: `${registry.host}/demo/moving`,
    })
    const segments = timeline.tags[0]?.segments ?? []
    assert.deepEqual(
      segments.map((s) => s.digest),
      [imageA.digest, imageB.digest, imageA.digest],
    )
    const json = await callHandler(table, 'history:export', {
      repository: `${registry.host}/demo/moving`,
      format: 'json',
    })
    const sources = (JSON.parse(json.text) as { source: string }[]).map((o) => o.source)
    assert.deepEqual(sources, ['list', 'list', 'resolve'])
  })

  it(`observes a repository of ${BULK_TAGS} tags with bounded concurrency`, async () => {
    const image = await pushTestImage(registry.host, 'demo/bulk', ['seed'], {
      layers: [[{ type: 'file', path: 'bulk', content: 'bulk\n' }]],
    })
    const bytes = image.builder.getBlob(image.digest)
    assert.ok(bytes)
    const tags = Array.from({ length: BULK_TAGS - 1 }, (_, i) => `t${String(i).padStart(4, '0')}`)
    await new RegistryPusher({ host: registry.host }).pushTags(
      'demo/bulk',
      tags,
      bytes,
      OCI.manifest,
    )

    proxy.reset()
    const events: ProgressEvent[] = []
    const started = Date.now()
    const result = await callHandler(
      table,
      'history:observe',
      { repository: `${proxy.host}/demo/bulk` },
      (event: ApiEvent) => {
        if (event.type === 'progress') events.push(event)
      },
    )
    const elapsed = Date.now() - started
    assert.deepEqual(result, { tags: BULK_TAGS, appended: BULK_TAGS })
    assert.ok(proxy.stats.requests >= BULK_TAGS, `${proxy.stats.requests} requests`)
    assert.ok(
      proxy.stats.maxInFlight <= 8,
      `at most 8 requests in flight, saw ${proxy.stats.maxInFlight}`,
    )
    assert.ok(proxy.stats.maxInFlight >= 2, 'resolves do run concurrently')
    assert.ok(elapsed < 60_000, `observing took ${elapsed} ms`)

    assert.ok(events.length >= 2 && events.length < 200, `${events.length} progress events`)
    assert.ok(events.every((e) => e.unit === 'items' && e.operationId === events[0]?.operationId))
    const last = events.at(-1)
    assert.equal(last?.done, true)
    assert.equal(last?.doneBytes, BULK_TAGS)
    assert.equal(last?.totalBytes, BULK_TAGS)

    const timeline = await callHandler(table, 'history:timeline', {
      repository: `${proxy.host}/demo/bulk`,
    })
    assert.equal(timeline.tags.length, BULK_TAGS)
    assert.ok(timeline.tags.every((t) => t.segments.length === 1))
    assert.ok(timeline.tags.every((t) => t.segments[0]?.digest === image.digest))
  })

  it('keeps the journal and the watches across a restart', async () => {
    const repo = `${registry.host}/demo/moving`
    const watched = await callHandler(table, 'history:watch', {
      repository: repo,
      intervalMinutes: 60,
    })
    assert.deepEqual(watched, [
      { registry: registry.host, repository: 'demo/moving', intervalMinutes: 60 },
    ])
    assert.equal(
      await callHandlerError(table, 'history:watch', { repository: repo, intervalMinutes: 0 }),
      'BAD_INPUT',
    )
    const before = await callHandler(table, 'history:timeline', { repository: repo })

    await services.close()
    await compose()

    assert.deepEqual(await callHandler(table, 'history:watching', {}), watched)
    const after = await callHandler(table, 'history:timeline', { repository: repo })
    assert.deepEqual(after.watch, watched[0])
    assert.deepEqual(
      after.tags.map((t) => t.segments.map((s) => s.digest)),
      before.tags.map((t) => t.segments.map((s) => s.digest)),
    )
    assert.deepEqual(after.moves, before.moves)

    assert.deepEqual(await callHandler(table, 'history:unwatch', { repository: repo }), [])
    await services.close()
    await compose()
    assert.deepEqual(await callHandler(table, 'history:watching', {}), [])
    assert.equal(warnings.length, 0, warnings.join('\n'))
  })
})

describe('Quay tag history merged into timelines', () => {
  const DIGEST = `sha256:${'4'.repeat(64)}`
  it('merges a Quay registry, reports a failing one, and leaves other registries alone', async () => {
    const requests: string[] = []
    const server = createServer((req, res) => {
      requests.push(`${req.headers.host ?? ''}${req.url ?? ''}`)
      const url = new URL(req.url ?? '/', 'http://x')
      if (url.pathname === '/api/v1/repository/ns/app/tag/') {
        const tags = [{ name: 'latest', start_ts: 1_700_000_000, manifest_digest: DIGEST }]
        res.writeHead(200, { 'content-type': 'application/json' })
        res.end(JSON.stringify({ tags, page: 1, has_additional: false }))
      } else {
        res.writeHead(404).end()
      }
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    const dataDir = await mkdtemp(join(tmpdir(), 'strata-history-quay-'))
    const history = await TagHistoryService.open({
      dataDir,
      clientFor: () => {
        throw new Error('no registry calls expected')
      },
      quay: {
        apiOrigin: (registry) =>
          registry === 'quay.self-hosted.test'
            ? origin
            : registry === 'quay.io' || registry === 'plain.test'
              ? origin
              : undefined,
      },
    })
    try {
      // A registry whose Quay API answers is merged, and only fetched again once stale.
      assert.deepEqual(await history.mergeQuayIfApplicable('quay.self-hosted.test', 'ns/app'), {
        merged: true,
      })
      const timeline = history.timeline('quay.self-hosted.test', 'ns/app')
      assert.deepEqual(
        timeline.tags.map((t) => [t.tag, t.segments[0]?.digest, t.segments[0]?.from]),
        [['latest', DIGEST, '2023-11-14T22:13:20.000Z']],
      )
      const fetches = requests.length
      assert.deepEqual(await history.mergeQuayIfApplicable('quay.self-hosted.test', 'ns/app'), {
        merged: true,
      })
      assert.equal(requests.length, fetches, 'a fresh merge is not fetched again')
      // quay.io failing: reported, with the reason.
      const failed = await history.mergeQuayIfApplicable('quay.io', 'ns/missing')
      assert.equal(failed?.merged, false)
      const problem = failed?.problem
      assert.ok(problem?.kind === 'failed', JSON.stringify(problem))
      assert.equal(problem.error.code, 'NOT_FOUND')
      assert.match(englishQuayProblem(problem), /has no repository ns\/missing/)
      // A registry that does not answer as Quay: nothing reported, and not asked again soon.
      assert.equal(await history.mergeQuayIfApplicable('plain.test', 'other/repo'), undefined)
      const asked = requests.length
      assert.equal(await history.mergeQuayIfApplicable('plain.test', 'other/repo'), undefined)
      assert.equal(requests.length, asked)
      // Loopback registries are never asked.
      assert.equal(await history.mergeQuayIfApplicable('127.0.0.1:5000', 'ns/app'), undefined)
      assert.equal(requests.length, asked)
    } finally {
      await history.close()
      await new Promise((resolve) => server.close(resolve))
      await rm(dataDir, { recursive: true, force: true })
    }
  })
})
