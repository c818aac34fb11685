// A hostile registry for hardening tests: a loopback node:http server that speaks just enough
// of the Distribution API (GET /v2/, HEAD/GET manifests, GET blobs) to serve one small image,
// and misbehaves on demand. The first path segment of the repository picks the behaviour, so
// one server serves every case at once:
//   ok/app          the image, served properly
//   badbytes/app    a small layer with one byte flipped in the middle (fails verification)
//   reset/app       the layer cut off halfway by a TCP reset
//   close/app       the layer cut off halfway by a clean close (FIN), Content-Length unmet
//   dripmanifest/app  the manifest body sent one byte per second
//   dripblob/app    the layer body sent one byte per second

import { createHash, randomBytes } from 'node:crypto'
import { createServer } from 'node:http'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Socket } from 'node:net'
import { gzip, rawTar } from './layerTars'

export type HostileMode = 'ok' | 'badbytes' | 'reset' | 'close' | 'dripmanifest' | 'dripblob'

export interface HostileRegistry {
  readonly host: string
  /** Layer GETs answered so far, by mode. */
  readonly layerRequests: Map<string, number>
  /** The layer digest of a mode's image. */
  layerDigest(mode: HostileMode): string
  close(): Promise<void>
}

const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json'

const digestOf = (bytes: Uint8Array): string =>
  `sha256:${createHash('sha256').update(bytes).digest('hex')}`

interface HostileImage {
  readonly layer: Buffer
  readonly layerDigest: string
  readonly manifest: Buffer
  readonly manifestDigest: string
  readonly blobs: ReadonlyMap<string, Buffer>
}

/** A one-layer image of its own (each mode gets one, so no cache serves another's layer). */
function buildImage(noiseBytes: number): HostileImage {
  // Random file contents: the gzip stays about as large as the tar, so "halfway" is well
  // inside the body.
  const layer = gzip(
    rawTar([
      { name: 'etc/', type: '5', mode: 0o755 },
      { name: 'etc/hostname', data: 'hostile\n' },
      { name: 'data/noise.bin', data: randomBytes(noiseBytes) },
    ]),
  )
  const layerDigest = digestOf(layer)
  const config = Buffer.from(
    JSON.stringify({
      architecture: 'amd64',
      os: 'linux',
      rootfs: { type: 'layers', diff_ids: [layerDigest] },
      config: {},
    }),
  )
  const manifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: OCI_MANIFEST,
      config: {
        mediaType: 'application/vnd.oci.image.config.v1+json',
        digest: digestOf(config),
        size: config.length,
      },
      layers: [
        {
          mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip',
          digest: layerDigest,
          size: layer.length,
        },
      ],
    }),
  )
  return {
    layer,
    layerDigest,
    manifest,
    manifestDigest: digestOf(manifest),
    blobs: new Map([
      [digestOf(config), config],
      [layerDigest, layer],
    ]),
  }
}

export async function startHostileRegistry(): Promise<HostileRegistry> {
  const images = new Map<string, HostileImage>()
  const imageFor = (mode: string): HostileImage => {
    let image = images.get(mode)
    if (image === undefined) {
      // badbytes: small, so the whole bad layer arrives (and fails) at once, while the reader
      // may still be getting ready; the others ~256 KiB, so "halfway" is well inside.
      image = buildImage(mode === 'badbytes' ? 4 * 1024 : 256 * 1024)
      images.set(mode, image)
    }
    return image
  }
  const layerRequests = new Map<string, number>()
  const sockets = new Set<Socket>()
  const timers = new Set<NodeJS.Timeout>()

  const drip = (response: ServerResponse, bytes: Buffer): void => {
    let at = 0
    const timer = setInterval(() => {
      if (at >= bytes.length || response.destroyed) {
        clearInterval(timer)
        timers.delete(timer)
        response.end()
        return
      }
      response.write(bytes.subarray(at, at + 1))
      at += 1
    }, 1000)
    timers.add(timer)
  }

  const serveLayer = (mode: string, response: ServerResponse): void => {
    const { layer, layerDigest } = imageFor(mode)
    layerRequests.set(mode, (layerRequests.get(mode) ?? 0) + 1)
    const headers = {
      'content-type': 'application/octet-stream',
      'content-length': String(layer.length),
      'docker-content-digest': layerDigest,
    }
    const half = Math.floor(layer.length / 2)
    response.writeHead(200, headers)
    switch (mode) {
      case 'badbytes': {
        const bad = Buffer.from(layer)
        bad[half] = (bad[half] ?? 0) ^ 0xff
        response.end(bad)
        return
      }
      case 'reset':
        response.write(layer.subarray(0, half), () => response.socket?.resetAndDestroy())
        return
      case 'close':
        response.write(layer.subarray(0, half), () => response.socket?.end())
        return
      case 'dripblob':
        drip(response, layer)
        return
      default:
        response.end(layer)
    }
  }

  const handle = (request: IncomingMessage, response: ServerResponse): void => {
    const path = new URL(request.url ?? '/', 'http://registry').pathname
    if (path === '/v2/' || path === '/v2') {
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}')
      return
    }
    const match = /^\/v2\/([a-z]+)\/app\/(manifests|blobs)\/(.+)$/.exec(path)
    const mode = match?.[1]
    if (!match || mode === undefined) {
      response.writeHead(404, { 'content-type': 'application/json' }).end('{"errors":[]}')
      return
    }
    const { manifest, manifestDigest, blobs, layer } = imageFor(mode)
    if (match[2] === 'manifests') {
      if (match[3] !== 'v1' && match[3] !== manifestDigest) {
        response.writeHead(404).end()
        return
      }
      response.writeHead(200, {
        'content-type': OCI_MANIFEST,
        'content-length': String(manifest.length),
        'docker-content-digest': manifestDigest,
      })
      if (request.method === 'HEAD') response.end()
      else if (mode === 'dripmanifest') drip(response, manifest)
      else response.end(manifest)
      return
    }
    const blob = blobs.get(match[3] ?? '')
    if (blob === undefined) {
      response.writeHead(404).end()
      return
    }
    if (blob === layer) {
      serveLayer(mode, response)
      return
    }
    response.writeHead(200, {
      'content-type': 'application/octet-stream',
      'content-length': String(blob.length),
    })
    response.end(request.method === 'HEAD' ? undefined : blob)
  }

  const server = createServer(handle)
  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    host: `127.0.0.1:${port}`,
    layerRequests,
    layerDigest: (mode) => imageFor(mode).layerDigest,
    close: async () => {
      for (const timer of timers) clearInterval(timer)
      for (const socket of sockets) socket.destroy()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
