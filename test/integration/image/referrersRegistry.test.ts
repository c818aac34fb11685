// Referrers: against distribution 2.8 (no Referrers API) through the sha256-<hex> fallback tag
// the fixtures push, attached to the graph as nodes; and the API path against a small loopback
// server standing in for a registry that has the API (none that does is installed here).

import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { createServer } from 'node:http'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { parseReference } from '../../../shared/reference'
import { buildImageGraph } from '../../../electron/image/buildImageGraph'
import { RegistryClientPool } from '../../../electron/registry/clientPool'
import { openRegistryImage } from '../../../electron/registry/registrySource'
import { findReferrers } from '../../../electron/image/findReferrers'
import { ReferrersService } from '../../../electron/image/referrersService'
import {
  fallbackTagFor,
  filtersApplied,
  mergeReferrers,
} from '../../../electron/image/referrersIndex'
import { pushFixtures } from '../../harness/registryFixtures'
import type { FixtureSet } from '../../harness/registryFixtures'
import { startRegistry } from '../../harness/registryServer'
import type { RunningRegistry } from '../../harness/registryServer'

describe('referrers helpers', () => {
  it('names the fallback tag as the distribution spec says', () => {
    assert.equal(fallbackTagFor(`sha256:${'ab'.repeat(32)}`), `sha256-${'ab'.repeat(32)}`)
    assert.equal(fallbackTagFor(`sha512:${'c'.repeat(128)}`), `sha512-${'c'.repeat(64)}`)
  })
  it('reads OCI-Filters-Applied and merges pages without repeats', () => {
    assert.deepEqual(filtersApplied('artifactType, annotation'), ['artifacttype', 'annotation'])
    assert.deepEqual(filtersApplied(undefined), [])
    const r = { digest: 'sha256:1', mediaType: 'm', size: 1 }
    assert.equal(mergeReferrers([[r], [r]]).length, 1)
  })
})

describe('referrers against distribution 2.8 (fallback tag)', () => {
  let registry: RunningRegistry
  let fixtures: FixtureSet
  let pool: RegistryClientPool

  before(async () => {
    registry = await startRegistry()
    fixtures = await pushFixtures({ host: registry.host })
    pool = new RegistryClientPool()
  })
  after(async () => {
    await pool?.close()
    await registry?.stop()
  })

  const deps = (): Parameters<typeof findReferrers>[0] => ({
    client: pool.clientFor(registry.host),
  })

  it('finds the artifact through the fallback tag, with its type and annotations', async () => {
    const { artifact } = fixtures
    const result = await findReferrers(deps(), 'demo/app', artifact.subject.digest)
    assert.equal(result.via, 'fallback-tag')
    assert.equal(result.fallbackTag, artifact.fallbackTag)
    assert.equal(result.referrers.length, 1)
    const [found] = result.referrers
    assert.equal(found?.digest, artifact.artifactDigest)
    assert.equal(found?.mediaType, 'application/vnd.oci.image.manifest.v1+json')
    assert.equal(found?.artifactType, artifact.artifactType)
    assert.deepEqual(found?.annotations, {
      'org.opencontainers.image.created': '2024-01-01T00:00:00Z',
    })
  })

  it('filters by artifactType itself when the registry could not', async () => {
    const { artifact } = fixtures
    const match = await findReferrers(deps(), 'demo/app', artifact.subject.digest, {
      artifactType: artifact.artifactType,
    })
    assert.equal(match.referrers.length, 1)
    assert.equal(match.filteredBy, 'strata')
    const none = await findReferrers(deps(), 'demo/app', artifact.subject.digest, {
      artifactType: 'application/vnd.example.signature',
    })
    assert.deepEqual(none.referrers, [])
  })

  it('answers "none" for a subject nothing refers to', async () => {
    const result = await findReferrers(deps(), 'demo/multi', fixtures.multiPlatform.digest)
    assert.equal(result.via, 'none')
    assert.deepEqual(result.referrers, [])
  })

  it('attaches referrers to the graph as referrer nodes', async () => {
    const { artifact } = fixtures
    const source = openRegistryImage(parseReference(`${registry.host}/demo/app:v1`), { pool })
    const graph = await buildImageGraph(source)
    const service = new ReferrersService({ pool })
    const merged = await service.attachToGraph(graph, source)
    const node = merged.nodes.find((n) => n.id === artifact.artifactDigest)
    assert.equal(node?.role, 'referrer')
    assert.equal(node?.artifactType, artifact.artifactType)
    assert.ok(node?.commands.length)
    assert.deepEqual(
      merged.edges.filter((e) => e.relation === 'referrer'),
      [
        {
          from: artifact.subject.digest,
          to: artifact.artifactDigest,
          relation: 'referrer',
          position: 0,
        },
      ],
    )
    assert.deepEqual(merged.warnings, graph.warnings)
  })
})

describe('referrers through the API (loopback stand-in)', () => {
  const subject = `sha256:${'5'.repeat(64)}`
  const sig = `sha256:${'6'.repeat(64)}`
  const sbom = `sha256:${'7'.repeat(64)}`
  const SIG_TYPE = 'application/vnd.example.signature'
  let server: Server
  let host: string
  let pool: RegistryClientPool
  const seen: string[] = []

  before(async () => {
    server = createServer((req, res) => {
      seen.push(req.url ?? '')
      const url = new URL(req.url ?? '/', 'http://x')
      if (url.pathname === '/v2/') return void res.writeHead(200).end('{}')
      if (url.pathname !== `/v2/demo/signed/referrers/${subject}`) {
        return void res.writeHead(404).end()
      }
      const entry = (digest: string, artifactType: string): object => ({
        mediaType: 'application/vnd.oci.image.manifest.v1+json',
        digest,
        size: 100,
        artifactType,
        annotations: { 'org.example.kind': artifactType },
      })
      const headers: Record<string, string> = {
        'content-type': 'application/vnd.oci.image.index.v1+json',
      }
      const filter = url.searchParams.get('artifactType')
      let manifests: object[]
      if (filter !== null) {
        headers['oci-filters-applied'] = 'artifactType'
        manifests = filter === SIG_TYPE ? [entry(sig, SIG_TYPE)] : []
      } else if (url.searchParams.get('page') === '2') {
        manifests = [entry(sbom, 'application/spdx+json')]
      } else {
        headers.link = `</v2/demo/signed/referrers/${subject}?page=2>; rel="next"`
        manifests = [entry(sig, SIG_TYPE)]
      }
      const body = JSON.stringify({
        schemaVersion: 2,
        mediaType: 'application/vnd.oci.image.index.v1+json',
        manifests,
      })
      res.writeHead(200, headers).end(body)
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    host = `127.0.0.1:${(server.address() as AddressInfo).port}`
    pool = new RegistryClientPool()
  })
  after(async () => {
    await pool?.close()
    await new Promise((resolve) => server?.close(resolve))
  })

  const deps = (): Parameters<typeof findReferrers>[0] => ({ client: pool.clientFor(host) })

  it('follows pages and keeps artifactType and annotations', async () => {
    const result = await findReferrers(deps(), 'demo/signed', subject)
    assert.equal(result.via, 'api')
    assert.deepEqual(
      result.referrers.map((r) => [r.digest, r.artifactType, r.annotations?.['org.example.kind']]),
      [
        [sig, SIG_TYPE, SIG_TYPE],
        [sbom, 'application/spdx+json', 'application/spdx+json'],
      ],
    )
  })

  it('sends the artifactType filter and trusts OCI-Filters-Applied', async () => {
    const result = await findReferrers(deps(), 'demo/signed', subject, { artifactType: SIG_TYPE })
    assert.equal(result.filteredBy, 'registry')
    assert.deepEqual(
      result.referrers.map((r) => r.digest),
      [sig],
    )
    assert.ok(seen.some((u) => u.includes(`artifactType=${encodeURIComponent(SIG_TYPE)}`)))
  })
})
