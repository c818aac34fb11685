// A loopback HTTP proxy in front of a registry that counts the response body bytes it
// receives from upstream, so a test or benchmark can tell how much of a blob a read fetched.
// Options make it misbehave the way real middle boxes do: drop the Range header (the server
// then sends the whole blob) or flip a byte of every ranged (206) answer.

import { createServer, request } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface CountingProxyOptions {
  /** Forward requests without their Range header, as a proxy that ignores Range would. */
  readonly stripRange?: boolean
  /** Flip one byte in the middle of every 206 response body. */
  readonly corruptRanges?: boolean
  /** Deliver each response body at most this fast (a slow network in front of the registry). */
  readonly bytesPerSecond?: number
  /** Flip the byte at this offset of every 200 response body longer than it (a blob corrupted in transit). */
  readonly corruptByteAt?: number
}

export interface CountingProxy {
  /** "http://127.0.0.1:PORT" */
  readonly url: string
  /** Response body bytes received from upstream since start (or the last reset). */
  bytesFromUpstream(): number
  /** Response body bytes received from upstream by wall-clock time `at` (ms since the epoch). */
  bytesFromUpstreamBy(at: number): number
  /** Zeroes the byte count and the request statistics. */
  reset(): void
  close(): Promise<void>
  /** "127.0.0.1:PORT" (the url's host), for references. */
  readonly host: string
  /** Requests since start (or the last reset), and the most that were in flight at once. */
  readonly stats: { readonly requests: number; readonly maxInFlight: number }
  /** Same as close(). */
  stop(): Promise<void>
}

/** `target`: the upstream as "HOST:PORT" or "http://HOST:PORT". */
export async function startCountingProxy(
  target: string,
  options: CountingProxyOptions = {},
): Promise<CountingProxy> {
  const upstream = new URL(target.includes('://') ? target : `http://${target}`)
  let counted = 0
  // (time, count) after each chunk, so a test can ask how much had arrived when something
  // happened elsewhere (a row appearing in a page) rather than when it got round to asking.
  let arrivals: { at: number; bytes: number }[] = []
  const stats = { requests: 0, maxInFlight: 0 }
  let inFlight = 0
  const server = createServer((incoming, outgoing) => {
    stats.requests++
    inFlight++
    stats.maxInFlight = Math.max(stats.maxInFlight, inFlight)
    outgoing.on('close', () => inFlight--)
    const headers = { ...incoming.headers, host: upstream.host }
    if (options.stripRange === true) delete headers.range
    const forwarded = request(
      {
        hostname: upstream.hostname,
        port: upstream.port,
        path: incoming.url,
        method: incoming.method,
        headers,
      },
      (answer) => {
        const corrupt = options.corruptRanges === true && answer.statusCode === 206
        const length = Number(answer.headers['content-length'] ?? -1)
        let seen = 0
        const flipAt = answer.statusCode === 200 ? options.corruptByteAt : undefined
        const rate = options.bytesPerSecond
        const startedAt = Date.now()
        let waits = 0
        const hold = (): void => {
          if (waits++ === 0) answer.pause()
        }
        const release = (): void => {
          if (--waits === 0) answer.resume()
        }
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers)
        answer.on('data', (chunk: Buffer) => {
          counted += chunk.length
          arrivals.push({ at: Date.now(), bytes: counted })
          const middle = Math.floor(length / 2)
          if (corrupt && middle >= seen && middle < seen + chunk.length) {
            const copy = Buffer.from(chunk)
            copy[middle - seen] = (copy[middle - seen] ?? 0) ^ 0x01
            chunk = copy
          }
          if (flipAt !== undefined && flipAt >= seen && flipAt < seen + chunk.length) {
            const copy = Buffer.from(chunk)
            copy[flipAt - seen] = (copy[flipAt - seen] ?? 0) ^ 0x01
            chunk = copy
          }
          seen += chunk.length
          if (!outgoing.write(chunk)) {
            hold()
            outgoing.once('drain', release)
          }
          if (rate !== undefined) {
            // Not ahead of the rate: wait until these bytes would have arrived.
            const due = startedAt + (seen * 1000) / rate - Date.now()
            if (due > 0) {
              hold()
              setTimeout(release, due)
            }
          }
        })
        answer.on('end', () => outgoing.end())
        answer.on('error', () => outgoing.destroy())
      },
    )
    forwarded.on('error', () => {
      if (!outgoing.headersSent) outgoing.writeHead(502)
      outgoing.end()
    })
    outgoing.on('close', () => forwarded.destroy())
    incoming.pipe(forwarded)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  const close = (): Promise<void> =>
    new Promise<void>((resolve) => {
      server.closeAllConnections()
      server.close(() => resolve())
    })
  return {
    url: `http://127.0.0.1:${port}`,
    host: `127.0.0.1:${port}`,
    bytesFromUpstream: () => counted,
    bytesFromUpstreamBy: (at) => arrivals.findLast((arrival) => arrival.at <= at)?.bytes ?? 0,
    stats,
    reset: () => {
      counted = 0
      arrivals = []
      stats.requests = 0
      stats.maxInFlight = inFlight
    },
    close,
    stop: close,
  }
}
