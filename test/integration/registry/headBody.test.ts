// Strata keeps sockets open after a HEAD (keep-alive). A broken server that sends a body with
// its HEAD answers leaves those bytes in front of the next answer on that socket; the client
// must retry such a request and stop reusing sockets after HEADs on that host. A raw TCP
// server plays that broken registry (no real registry misbehaves like this on purpose).

import assert from 'node:assert/strict'
import { createServer, type Server, type Socket } from 'node:net'
import { after, before, test } from 'node:test'
import { RegistryClient } from '../../../electron/registry/registryClient'

const DIGEST = `sha256:${'a'.repeat(64)}`
let server: Server
let port = 0
let connections = 0

/** Answers /v2/ with 200 and every other request as a manifest HEAD with a stray body. */
function serve(socket: Socket): void {
  connections += 1
  let pending = ''
  let owesBody = false
  socket.on('data', (data) => {
    pending += data.toString('latin1')
    for (let end = pending.indexOf('\r\n\r\n'); end >= 0; end = pending.indexOf('\r\n\r\n')) {
      const request = pending.slice(0, end)
      pending = pending.slice(end + 4)
      if (request.startsWith('GET /v2/ ')) {
        socket.write('HTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\n{}')
        continue
      }
      // The body the previous HEAD answer "had" arrives in front of this answer.
      const stray = owesBody ? '0123456789' : ''
      socket.write(
        `${stray}HTTP/1.1 200 OK\r\ncontent-type: application/vnd.oci.image.manifest.v1+json\r\n` +
          `docker-content-digest: ${DIGEST}\r\ncontent-length: 10\r\n\r\n`,
      )
      owesBody = true
    }
  })
  socket.on('error', () => undefined)
}

before(async () => {
  server = createServer(serve)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  port = (server.address() as { port: number }).port
})
after(() => new Promise<void>((resolve) => server.close(() => resolve())))

test('a server that sends bodies with HEAD answers: every resolve still succeeds', async () => {
  const client = new RegistryClient({ registry: `127.0.0.1:${port}`, retry: { baseDelayMs: 10 } })
  try {
    const failures: string[] = []
    let resolved = 0
    for (let round = 0; round < 5; round += 1) {
      const results = await Promise.allSettled(
        Array.from({ length: 8 }, (_, i) => client.resolve('demo/app', `t${round}-${i}`)),
      )
      for (const result of results) {
        if (result.status === 'fulfilled' && result.value.digest === DIGEST) resolved += 1
        else failures.push(result.status === 'rejected' ? String(result.reason) : 'wrong digest')
      }
    }
    assert.deepEqual(failures, [])
    assert.equal(resolved, 40)
    assert.ok(connections > 1, 'the client gave up reusing sockets after HEADs on this host')
  } finally {
    await client.close()
  }
})
