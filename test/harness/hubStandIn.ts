// A Docker Hub stand-in: a loopback node:http server answering Hub's repository search API
// (GET /v2/search/repositories/?query=&page=&page_size=) in Hub's shape, since Hub cannot be
// reached from here. Tests point Strata at it with STRATA_DOCKER_HUB_URL. What it answers:
//   busy        429 with Retry-After: 42
//   garbage     a body that is not JSON
//   huge        a body larger than Strata's 4 MiB cap
//   many-N      N repositories ("many-N/repo-001" …) served page by page as Hub pages: `count`,
//               `next` (null on the last page), Hub's X-RateLimit headers, remaining one lower
//               on every request so a test sees the line move
// and anything else the test's own `answer` handles (it returns false to fall through: 404).

import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export const HUB_RATE_LIMIT = 180

export interface HubStandIn {
  /** http://127.0.0.1:PORT, for STRATA_DOCKER_HUB_URL. */
  readonly url: string
  /** Every search request, in order. */
  readonly requests: readonly URL[]
  stop(): Promise<void>
}

/** Answers one request itself; false lets the stand-in's own answers (or 404) take it. */
export type HubAnswer = (url: URL, response: ServerResponse) => boolean

/** The name of the i-th (1-based) of a many-N query's repositories. */
export function manyRepositoryName(query: string, i: number): string {
  return `${query}/repo-${String(i).padStart(3, '0')}`
}

export async function startHubStandIn(answer?: HubAnswer): Promise<HubStandIn> {
  const requests: URL[] = []
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', 'http://stand-in')
    requests.push(url)
    if (url.pathname !== '/v2/search/repositories/') {
      response.writeHead(404).end()
      return
    }
    if (answer?.(url, response) === true) return
    const query = url.searchParams.get('query') ?? ''
    const many = /^many-(\d{1,4})$/.exec(query)
    if (query === 'busy') {
      response.writeHead(429, { 'retry-after': '42', 'x-ratelimit-remaining': '0' })
      response.end('{"message":"Too Many Requests"}')
    } else if (query === 'garbage') {
      response.writeHead(200, { 'content-type': 'text/html' }).end('<html>maintenance</html>')
    } else if (query === 'huge') {
      response.writeHead(200, { 'content-type': 'application/json' })
      response.end(`{"results":[${'{"repo_name":"x"},'.repeat(300_000)}{}]}`)
    } else if (many) {
      answerPage(url, query, Number(many[1]), requests.length, response)
    } else {
      response.writeHead(404).end()
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as AddressInfo).port
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    stop: async () => {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}

/** One page of a many-N query, as Hub pages: 1-based `page`, `page_size` results. */
function answerPage(
  url: URL,
  query: string,
  total: number,
  requestCount: number,
  response: ServerResponse,
): void {
  const page = Math.max(1, Number(url.searchParams.get('page') ?? '1') || 1)
  const size = Math.max(1, Number(url.searchParams.get('page_size') ?? '25') || 25)
  const first = (page - 1) * size + 1
  const last = Math.min(total, page * size)
  const results = []
  for (let i = first; i <= last; i++) {
    results.push({
      repo_name: manyRepositoryName(query, i),
      short_description: `Repository ${i} of ${total}`,
      star_count: total - i,
      pull_count: (total - i) * 1000,
      is_official: false,
      is_automated: false,
    })
  }
  const next = last < total ? `${url.origin}${url.pathname}?query=${query}&page=${page + 1}` : null
  response.writeHead(200, {
    'content-type': 'application/json',
    'x-ratelimit-limit': String(HUB_RATE_LIMIT),
    'x-ratelimit-remaining': String(Math.max(0, HUB_RATE_LIMIT - requestCount)),
  })
  response.end(JSON.stringify({ count: total, next, previous: null, results }))
}
