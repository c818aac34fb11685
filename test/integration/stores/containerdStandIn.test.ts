// What a real containerd never does but a broken or hostile one could, served by a stand-in
// gRPC server (named so in every test) that speaks the same protocol on a unix socket: chunks
// out of place, short ranged reads, bytes that do not hash to their digest, records without a
// target, and a read that stalls. Also that a reader holding the stream back longer than the
// idle deadline is not taken for a stalled containerd.

import assert from 'node:assert/strict'
import { createHash, randomBytes } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { after, before, test } from 'node:test'
import * as grpc from '@grpc/grpc-js'
import { CONTAINERD_PACKAGE } from '../../../electron/stores/containerd/containerdProtocol'
import { openContainerd } from '../../../electron/stores/containerd/containerdSource'
import type { ContainerdSource } from '../../../electron/stores/containerd/containerdSource'
import type { Descriptor } from '../../../shared/oci/types'
import { rejectsWith } from '../../harness/localStores'

type Mode = 'good' | 'corrupt' | 'gap' | 'short' | 'stall'

const sha256 = (bytes: Uint8Array): string =>
  `sha256:${createHash('sha256').update(bytes).digest('hex')}`
const CHUNK = 64 * 1024
const LAYER = 'application/vnd.oci.image.layer.v1.tar'

/** Blobs the stand-in holds, by digest, and how it misbehaves serving each. */
const blobs = new Map<string, { readonly bytes: Buffer; readonly mode: Mode }>()
function addBlob(bytes: Buffer, mode: Mode): Descriptor {
  const digest = sha256(bytes)
  blobs.set(digest, { bytes, mode })
  return { mediaType: LAYER, digest, size: bytes.length }
}

const config = addBlob(
  Buffer.from('{"architecture":"amd64","os":"linux","rootfs":{"type":"layers","diff_ids":[]}}'),
  'good',
)
const manifestBytes = Buffer.from(
  JSON.stringify({
    schemaVersion: 2,
    mediaType: 'application/vnd.oci.image.manifest.v1+json',
    config: { ...config, mediaType: 'application/vnd.oci.image.config.v1+json' },
    layers: [],
  }),
)
const manifest = {
  ...addBlob(manifestBytes, 'good'),
  mediaType: 'application/vnd.oci.image.manifest.v1+json',
}
const big = addBlob(randomBytes(4 * 1024 * 1024), 'good')
const corrupt = addBlob(randomBytes(300 * 1024), 'corrupt')
const gap = addBlob(randomBytes(300 * 1024), 'gap')
const short = addBlob(randomBytes(300 * 1024), 'short')
const stall = addBlob(randomBytes(300 * 1024), 'stall')

type Callback = (error: grpc.ServiceError | null, value?: unknown) => void
type Unary = (call: { request: Record<string, unknown> }, callback: Callback) => void

function notFound(what: string): grpc.ServiceError {
  return Object.assign(new Error(what), {
    code: grpc.status.NOT_FOUND,
    details: what,
    metadata: new grpc.Metadata(),
  })
}

const namespacesService: Record<string, Unary> = {
  List: (_call, callback) => callback(null, { namespaces: [{ name: 'default' }] }),
}
const imagesService: Record<string, Unary> = {
  Get: (call, callback) => {
    const name = call.request.name
    if (name === 'app:1') {
      const target = {
        media_type: manifest.mediaType,
        digest: manifest.digest,
        size: manifest.size,
      }
      callback(null, { image: { name, target } })
    } else if (name === 'no-target:1') callback(null, { image: { name } })
    else callback(notFound(`image "${String(name)}": not found`))
  },
  List: (_call, callback) => callback(null, { images: [] }),
}
const contentService = {
  Info: ((call, callback) => {
    const digest = String(call.request.digest)
    const blob = blobs.get(digest)
    if (blob) callback(null, { info: { digest, size: blob.bytes.length } })
    else callback(notFound(`content digest ${digest}: not found`))
  }) satisfies Unary,
  Read: (call: grpc.ServerWritableStream<Record<string, unknown>, unknown>) => {
    void serveRead(call)
  },
}

/** Chunks numbered from the start of the read, as containerd 1.x numbers them. */
async function serveRead(
  call: grpc.ServerWritableStream<Record<string, unknown>, unknown>,
): Promise<void> {
  const blob = blobs.get(String(call.request.digest))
  if (!blob) {
    call.destroy(notFound('not found'))
    return
  }
  const offset = Number(call.request.offset)
  const size = Number(call.request.size)
  let bytes = blob.bytes.subarray(offset, size > 0 ? offset + size : undefined)
  if (blob.mode === 'corrupt')
    bytes = Buffer.concat([bytes.subarray(0, -1), Buffer.from([bytes.at(-1)! ^ 1])])
  if (blob.mode === 'short') bytes = bytes.subarray(0, bytes.length - 10)
  for (let at = 0; at < bytes.length; at += CHUNK) {
    if (call.cancelled) return
    const data = bytes.subarray(at, at + CHUNK)
    const sent = blob.mode === 'gap' && at > 0 ? at + 1 : at
    if (!call.write({ offset: sent, data }))
      await new Promise((resolve) => call.once('drain', resolve))
    if (blob.mode === 'stall') {
      await sleep(5_000)
      if (call.cancelled) return
    }
  }
  call.end()
}

let server: grpc.Server
let dir: string
let source: ContainerdSource

before(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'strata-containerd-standin-'))
  const socket = path.join(dir, 'containerd.sock')
  server = new grpc.Server()
  const service = (name: string) => CONTAINERD_PACKAGE[name] as grpc.ServiceDefinition
  server.addService(service('containerd.services.namespaces.v1.Namespaces'), namespacesService)
  server.addService(service('containerd.services.images.v1.Images'), imagesService)
  server.addService(service('containerd.services.content.v1.Content'), contentService)
  await new Promise<void>((resolve, reject) => {
    server.bindAsync(`unix://${socket}`, grpc.ServerCredentials.createInsecure(), (error) =>
      error ? reject(error) : resolve(),
    )
  })
  source = await openContainerd(
    { namespace: 'default', image: 'app:1' },
    { env: { CONTAINERD_ADDRESS: socket }, deadlines: { callMs: 5_000, readIdleMs: 1_000 } },
  )
})

after(async () => {
  server?.forceShutdown()
  if (dir) await rm(dir, { recursive: true, force: true })
})

const readAll = async (stream: NodeJS.ReadableStream): Promise<Buffer> => {
  const chunks: Buffer[] = []
  for await (const chunk of stream) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

test('stand-in containerd: a good blob reads whole and by range, chunk by chunk', async () => {
  assert.deepEqual(await source.resolve(), manifest)
  const whole = await readAll(await source.openBlob(big))
  assert.equal(sha256(whole), big.digest)
  const range = { start: CHUNK - 7, end: 3 * CHUNK + 11 }
  const ranged = await source.openBlobRange(big, range)
  assert.equal(ranged.kind, 'partial')
  assert.deepEqual(await readAll(ranged.stream), whole.subarray(range.start, range.end + 1))
})

test('stand-in containerd: bytes that do not hash to the digest are refused', async () => {
  await rejectsWith(
    readAll(await source.openBlob(corrupt)),
    'DIGEST_MISMATCH',
    new RegExp(`blob ${corrupt.digest} in containerd namespace default`),
  )
})

test('stand-in containerd: a chunk out of place is MALFORMED; a short range is SIZE_MISMATCH', async () => {
  await rejectsWith(
    readAll(await source.openBlob(gap)),
    'MALFORMED',
    /read chunk at offset 65537 where 65536/,
  )
  const ranged = await source.openBlobRange(short, { start: 10, end: 1009 })
  await rejectsWith(
    readAll(ranged.stream),
    'SIZE_MISMATCH',
    /sent 990 bytes for a read of 1000 bytes at offset 10/,
  )
})

test('stand-in containerd: an image record without a target is MALFORMED', async () => {
  await rejectsWith(
    openContainerd(
      { namespace: 'default', image: 'no-target:1' },
      { env: { CONTAINERD_ADDRESS: path.join(dir, 'containerd.sock') } },
    ),
    'MALFORMED',
    /answered without a valid target/,
  )
})

test('stand-in containerd: a read that stalls while waited for times out', async () => {
  const started = Date.now()
  await rejectsWith(readAll(await source.openBlob(stall)), 'TIMEOUT', /did not answer for blob/)
  assert.ok(Date.now() - started < 4_500, 'the idle deadline, not the stand-in resuming')
})

test('stand-in containerd: a reader that holds the stream back is not a stall', async () => {
  const stream = await source.openBlob(big)
  const chunks: Buffer[] = []
  let paused = false
  for await (const chunk of stream) {
    chunks.push(chunk as Buffer)
    if (!paused) {
      paused = true
      await sleep(2_500) // longer than readIdleMs (1 s)
    }
  }
  assert.equal(sha256(Buffer.concat(chunks)), big.digest)
})
