// Talking to an in-process web server the way a browser does, for the download tests: plain
// GETs and api POSTs on fresh connections, the server-sent progress events, GNU tar to list
// and extract what came back, and a layout whose layers exercise every tar feature.

import { request } from 'node:http'
import { writeFileSync } from 'node:fs'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { ApiEvent, ProgressEvent } from '../../shared/api'
import { WEB_DOWNLOAD_TICKET_PATH } from '../../shared/api/webDownloadTicket'
import { OCI, OciLayoutBuilder, sha256Digest } from './ociBuilder'
import { featureTree, gnuTar, gzip, rawTar, run, tempDir } from './layerTars'

export interface Fetched {
  readonly status: number
  readonly headers: Readonly<Record<string, string | string[] | undefined>>
  readonly body: Buffer
}

/** A GET on a fresh connection (a kept-alive one may be closed by the server as it is reused). */
export function httpGet(
  port: number,
  target: string,
  headers: Record<string, string> = {},
): Promise<Fetched> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: target, headers, agent: false }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      )
      res.on('error', reject)
    })
    req.on('error', reject)
    req.end()
  })
}

/** A JSON POST to web mode with the token header; resolves with the parsed answer. */
function postJson(port: number, token: string, path: string, body: object): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: 'POST',
        agent: false,
        headers: { 'content-type': 'application/json', 'x-strata-token': token },
      },
      (res) => {
        let text = ''
        res.setEncoding('utf8')
        res.on('data', (chunk: string) => (text += chunk))
        res.on('end', () => resolve(JSON.parse(text)))
      },
    )
    req.on('error', reject)
    req.end(JSON.stringify(body))
  })
}

/** One api call over HTTP with the token header; resolves with the parsed answer. */
export function postCall(port: number, token: string, body: object): Promise<unknown> {
  return postJson(port, token, '/api/call', body)
}

/** A one-time download nonce for `query` ("ref=…&path=…"), asked for as the page asks. */
export async function downloadNonce(port: number, token: string, query: string): Promise<string> {
  const answer = await postJson(port, token, WEB_DOWNLOAD_TICKET_PATH, { query })
  const nonce =
    typeof answer === 'object' && answer !== null && 'value' in answer
      ? (answer.value as { nonce?: unknown }).nonce
      : undefined
  if (typeof nonce !== 'string') throw new Error(`no nonce: ${JSON.stringify(answer)}`)
  return nonce
}

export interface ProgressStream {
  /** The first progress event (seen so far or still to come) that matches. */
  waitFor(match: (e: ProgressEvent) => boolean): Promise<ProgressEvent>
  close(): void
}

/** The server-sent event stream, authorized by the launch token header (as the page does). */
export async function openProgressStream(port: number, token: string): Promise<ProgressStream> {
  const seen: ProgressEvent[] = []
  const waiters: { match: (e: ProgressEvent) => boolean; resolve: (e: ProgressEvent) => void }[] =
    []
  let buffer = ''
  const onFrame = (frame: string): void => {
    if (!frame.startsWith('data: ')) return
    const event = JSON.parse(frame.slice(6)) as ApiEvent
    if (event.type !== 'progress') return
    seen.push(event)
    for (const waiter of [...waiters]) {
      if (!waiter.match(event)) continue
      waiters.splice(waiters.indexOf(waiter), 1)
      waiter.resolve(event)
    }
  }
  const req = request({
    host: '127.0.0.1',
    port,
    path: '/api/events',
    headers: { 'x-strata-token': token },
    agent: false,
  })
  await new Promise<void>((resolve, reject) => {
    req.on('response', (res) => {
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => {
        buffer += chunk
        for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
          const frame = buffer.slice(0, end)
          buffer = buffer.slice(end + 2)
          onFrame(frame)
        }
      })
      resolve()
    })
    req.on('error', reject)
    req.end()
  })
  return {
    waitFor: (match) =>
      new Promise((resolve, reject) => {
        const found = seen.find(match)
        if (found) return resolve(found)
        waiters.push({ match, resolve })
        setTimeout(() => reject(new Error('no such progress event')), 20_000).unref()
      }),
    close: () => req.destroy(),
  }
}

export interface UnpackedTar {
  /** `tar -tvf` lines. */
  readonly listing: string[]
  /** `tar -tf` names. */
  readonly names: string[]
  /** Where `tar -xf` extracted it. */
  readonly dir: string
}

/** Writes a tar to a new temp dir (pushed on `cleanup`), lists it and extracts it with GNU tar. */
export async function unpackTar(tar: Buffer, cleanup: string[]): Promise<UnpackedTar> {
  const dir = await mkdtemp(path.join(tmpdir(), 'strata-download-'))
  cleanup.push(dir)
  const file = path.join(dir, 'download.tar')
  writeFileSync(file, tar)
  const listing = run('tar', ['-tvf', file]).toString('utf8').trim().split('\n')
  const names = run('tar', ['-tf', file]).toString('utf8').trim().split('\n')
  const out = path.join(dir, 'out')
  run('mkdir', [out])
  run('tar', ['-xf', file, '-C', out])
  return { listing, names, dir: out }
}

export interface DownloadLayout {
  readonly ref: string
  /** featureTree(): the files layer 1 was made from. */
  readonly feature: { readonly root: string; readonly longName: string }
  /** Directories to remove afterwards. */
  readonly dirs: readonly string[]
}

/**
 * An OCI layout tagged v1: layer 1 is GNU tar (posix, sparse) of featureTree(); layer 2 is
 * hand-made and hostile (`..` and absolute names, a hardlink before its target, a hardlink
 * with a `..` name, a symlink pointing far up).
 */
export async function writeDownloadLayout(): Promise<DownloadLayout> {
  const feature = featureTree()
  const dir = tempDir('download-layout')
  const builder = new OciLayoutBuilder(dir)
  const featureTar = gnuTar(feature.root, 'posix', true)
  const hostileTar = rawTar([
    { name: '../../evil.txt', data: 'escaped?\n' },
    { name: '/abs/escape.txt', data: 'absolute\n' },
    { name: 'x/../../../up.txt', data: 'up\n' },
    { name: 'links/z-target', data: 'linked data\n', mode: 0o640 },
    { name: 'links/a-link', type: '1', linkname: 'links/z-target' },
    { name: 'links/away', type: '2', linkname: '../../../../etc/passwd' },
    { name: '../links/up-link', type: '1', linkname: '../../evil.txt' },
  ])
  const layers = [
    { ...builder.addBlob(gzip(featureTar), OCI.layerGzip), diffId: sha256Digest(featureTar) },
    { ...builder.addBlob(hostileTar, OCI.layerTar), diffId: sha256Digest(hostileTar) },
  ]
  const config = builder.addConfig({
    architecture: 'amd64',
    os: 'linux',
    rootfs: { type: 'layers', diff_ids: layers.map((l) => l.diffId) },
  })
  builder.tag('v1', builder.addManifest({ config, layers }))
  await builder.write()
  return { ref: `oci:${dir}:v1`, feature, dirs: [feature.root, dir] }
}
