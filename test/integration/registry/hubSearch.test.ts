// registry:searchHub through the handler table, against a Docker Hub stand-in (a loopback
// node:http server answering Hub's search API in Hub's shape, since Hub cannot be reached from
// here), pointed at with STRATA_DOCKER_HUB_URL as a user or test would. What the stand-in sends:
// results with the official mark, stars and pulls; Hub's X-RateLimit headers; 429 with
// Retry-After; an item of the wrong shape; a body that is not JSON; one larger than the cap;
// 60 results paged 25 at a time (the harness's test/harness/hubStandIn.ts), and a page 2 over the
// cap after a good page 1.

import assert from 'node:assert/strict'
import type { ServerResponse } from 'node:http'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, test } from 'node:test'
import { createHandlers } from '../../../electron/api/handlers'
import { dispatchCall, type HandlerTable } from '../../../electron/api/handlerTable'
import { composeServices } from '../../../electron/app/composeServices'
import { callHandler } from '../../harness/handlerCalls'
import {
  HUB_RATE_LIMIT,
  manyRepositoryName,
  startHubStandIn,
  type HubStandIn,
} from '../../harness/hubStandIn'

const RESET_AT = Math.floor(Date.now() / 1000) + 3600

/** This file's own answers: "nginx" with odd items; "badpage" whose page 2 is over the cap. */
function answer(url: URL, response: ServerResponse): boolean {
  const query = url.searchParams.get('query') ?? ''
  if (query === 'badpage') {
    if (url.searchParams.get('page') === '2') {
      response.writeHead(200, { 'content-type': 'application/json' })
      response.end(`{"results":[${'{"repo_name":"x"},'.repeat(300_000)}{}]}`)
    } else {
      response.writeHead(200, { 'content-type': 'application/json' })
      response.end(
        JSON.stringify({ count: 2, next: 'http://x/?page=2', results: [{ repo_name: 'one' }] }),
      )
    }
    return true
  }
  if (query !== 'nginx') return false
  response.writeHead(200, {
    'content-type': 'application/json',
    'x-ratelimit-limit': '180',
    'x-ratelimit-remaining': '179',
    'x-ratelimit-reset': String(RESET_AT),
  })
  response.end(
    JSON.stringify({
      count: 3,
      next: `http://stand-in/v2/search/repositories/?query=${query}&page=2`,
      previous: null,
      results: [
        {
          repo_name: 'nginx',
          short_description: 'Official build of Nginx.',
          star_count: 20_981,
          pull_count: 1_000_000_000,
          repo_owner: '',
          is_automated: false,
          is_official: true,
        },
        {
          repo_name: 'bitnami/nginx',
          short_description: 'Bitnami container image for NGINX',
          star_count: 199,
          pull_count: 500_000_000,
          repo_owner: '',
          is_automated: false,
          is_official: false,
        },
        { repo_name: '../../etc/passwd', star_count: 'many' },
        { repo_name: 'library/alpine', short_description: 7, star_count: -3, is_official: true },
      ],
    }),
  )
  return true
}

let hub: HubStandIn
let dataDir: string
let table: HandlerTable

before(async () => {
  hub = await startHubStandIn(answer)
  dataDir = await mkdtemp(join(tmpdir(), 'strata-hub-'))
  table = createHandlers(
    await composeServices({
      mode: 'web',
      dataDir,
      env: { STRATA_DOCKER_HUB_URL: hub.url },
    }),
  )
})
after(async () => {
  await hub?.stop()
  await rm(dataDir, { recursive: true, force: true })
})

test('Docker Hub stand-in: results with official mark, stars, pulls; rate limit passed on', async () => {
  const result = await callHandler(table, 'registry:searchHub', { query: ' nginx ', pageSize: 10 })
  const asked = hub.requests.at(-1)
  assert.equal(asked?.searchParams.get('query'), 'nginx')
  assert.equal(asked?.searchParams.get('page_size'), '10')
  assert.equal(asked?.searchParams.get('page'), '1')
  assert.deepEqual(result.results, [
    {
      name: 'nginx',
      reference: 'docker.io/library/nginx',
      description: 'Official build of Nginx.',
      stars: 20_981,
      pulls: 1_000_000_000,
      official: true,
      automated: false,
    },
    {
      name: 'bitnami/nginx',
      reference: 'docker.io/bitnami/nginx',
      description: 'Bitnami container image for NGINX',
      stars: 199,
      pulls: 500_000_000,
      official: false,
      automated: false,
    },
    // Wrong-typed fields are dropped, not guessed at; "library/" names are shown bare.
    {
      name: 'alpine',
      reference: 'docker.io/library/alpine',
      description: '',
      stars: 0,
      official: true,
      automated: false,
    },
  ])
  assert.equal(result.skipped, 1, 'the item with a path-like name is skipped')
  assert.equal(result.total, 3)
  assert.equal(result.hasMore, true)
  assert.equal(result.rateLimit?.limit, 180)
  assert.equal(result.rateLimit?.remaining, 179)
  const reset = result.rateLimit?.resetSeconds ?? 0
  assert.ok(reset > 3500 && reset <= 3600, `reset in ${reset} s`)
})

async function failure(query: string) {
  const result = await dispatchCall(
    table,
    'registry:searchHub',
    { query },
    { signal: new AbortController().signal, emit: () => undefined },
  )
  assert.equal(result.ok, false, `searching ${query} must fail`)
  return result.ok ? undefined : result.error
}

test('Docker Hub stand-in: 429 is RATE_LIMITED with the retry time', async () => {
  const error = await failure('busy')
  assert.equal(error?.code, 'RATE_LIMITED')
  assert.equal(error?.detail?.retryAfterSeconds, 42)
  assert.match(error?.message ?? '', /try again in 42 s/)
})

test('Docker Hub stand-in: a body that is not JSON or is too large is MALFORMED, unquoted', async () => {
  const garbage = await failure('garbage')
  assert.equal(garbage?.code, 'MALFORMED')
  assert.ok(!(garbage?.message ?? '').includes('maintenance'))
  const huge = await failure('huge')
  assert.equal(huge?.code, 'MALFORMED')
  assert.match(huge?.message ?? '', /larger than 4 MiB/)
  assert.equal((await failure('   '))?.code, 'BAD_INPUT')
})

test('Docker Hub stand-in: 60 results page by page, 25 at a time, to the last page', async () => {
  const query = 'many-60'
  const names: string[] = []
  const remaining: number[] = []
  const pages = []
  for (let page = 1; page <= 3; page++) {
    const result = await callHandler(table, 'registry:searchHub', { query, page, pageSize: 25 })
    const asked = hub.requests.at(-1)
    assert.equal(asked?.searchParams.get('page'), String(page))
    assert.equal(asked?.searchParams.get('page_size'), '25')
    assert.equal(result.page, page)
    assert.equal(result.total, 60)
    assert.equal(result.skipped, 0)
    names.push(...result.results.map((repository) => repository.name))
    remaining.push(result.rateLimit?.remaining ?? -1)
    assert.equal(result.rateLimit?.limit, HUB_RATE_LIMIT)
    pages.push({ count: result.results.length, hasMore: result.hasMore })
  }
  assert.deepEqual(pages, [
    { count: 25, hasMore: true },
    { count: 25, hasMore: true },
    { count: 10, hasMore: false },
  ])
  assert.deepEqual(
    names,
    Array.from({ length: 60 }, (_, i) => manyRepositoryName(query, i + 1)),
    'every result once, in Hub order',
  )
  const [first = -1, second = -1, third = -1] = remaining
  assert.ok(
    first > second && second > third && third >= 0,
    `the rate limit follows each page: ${remaining.join(', ')}`,
  )
})

test('Docker Hub stand-in: each page is held to the 4 MiB cap (page 1 fine, page 2 too large)', async () => {
  const first = await callHandler(table, 'registry:searchHub', { query: 'badpage', page: 1 })
  assert.deepEqual(
    first.results.map((repository) => repository.name),
    ['one'],
  )
  assert.equal(first.hasMore, true)
  const result = await dispatchCall(
    table,
    'registry:searchHub',
    { query: 'badpage', page: 2 },
    { signal: new AbortController().signal, emit: () => undefined },
  )
  assert.equal(result.ok, false)
  assert.equal(result.ok ? undefined : result.error.code, 'MALFORMED')
  assert.match(result.ok ? '' : result.error.message, /larger than 4 MiB/)
  const zero = await dispatchCall(
    table,
    'registry:searchHub',
    { query: 'many-60', page: 0 },
    { signal: new AbortController().signal, emit: () => undefined },
  )
  assert.equal(zero.ok ? undefined : zero.error.code, 'BAD_INPUT', 'page is 1-based')
})
