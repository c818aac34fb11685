// GET /api/download through the real web server, composed as the app composes it: a file's
// bytes, a symlink's target, directories as tars that GNU tar lists and extracts to the
// original files (the bundled sample, a GNU tar layer with every feature, a hostile layer),
// whiteouts, the token gate and readable errors.

import assert from 'node:assert/strict'
import { request } from 'node:http'
import { lstatSync, readFileSync, readlinkSync, statSync } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { after, before, test } from 'node:test'
import type { DownloadArgs } from '../../../shared/api'
import { WEB_DOWNLOAD_PATH, downloadQuery } from '../../../shared/api'
import { createDownloadProvider } from '../../../electron/files/downloads'
import { createHandlers } from '../../../electron/api/handlers'
import { composeServices } from '../../../electron/app/composeServices'
import type { RunningWebServer } from '../../../electron/web/webServer'
import { startWebServer } from '../../../electron/web/webServer'
import { SAMPLE_CREATED, baseLayer } from '../../harness/ociSampleContent'
import type { Fetched, ProgressStream, UnpackedTar } from '../../harness/webDownloads'
import {
  downloadNonce,
  httpGet,
  openProgressStream,
  postCall,
  unpackTar,
  writeDownloadLayout,
} from '../../harness/webDownloads'

let dataDir: string
let server: RunningWebServer
let sampleRef: string
let featureRef: string
let feature: { readonly root: string; readonly longName: string }
const cleanup: string[] = []

const withToken = (): Record<string, string> => ({ 'x-strata-token': server.token })

const get = (target: string, headers: Record<string, string> = {}): Promise<Fetched> =>
  httpGet(server.port, target, headers)

function download(args: DownloadArgs, headers = withToken()): Promise<Fetched> {
  return get(`${WEB_DOWNLOAD_PATH}${downloadQuery(args)}`, headers)
}

const unpack = (tar: Buffer): Promise<UnpackedTar> => unpackTar(tar, cleanup)
const openEvents = (): Promise<ProgressStream> => openProgressStream(server.port, server.token)
const post = (body: object): Promise<unknown> => postCall(server.port, server.token, body)

function contentOf(filePath: string): string {
  const spec = baseLayer.find((e) => e.path === filePath)
  assert.ok(spec && 'content' in spec && typeof spec.content === 'string')
  return spec.content
}

function lineFor(listing: readonly string[], name: string): string {
  const line = listing.find((l) => l.endsWith(` ${name}`) || l.includes(` ${name} `))
  assert.ok(line, `tar lists ${name}:\n${listing.join('\n')}`)
  return line
}

before(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'strata-downloads-'))
  const rendererDir = await mkdtemp(path.join(tmpdir(), 'strata-renderer-'))
  cleanup.push(rendererDir)
  await writeFile(path.join(rendererDir, 'index.html'), '<div id="root"></div>\n')
  const services = await composeServices({ mode: 'web', dataDir, env: {} })
  server = await startWebServer({
    table: () => createHandlers(services),
    downloads: createDownloadProvider(services),
    rendererDir,
    port: 0,
  })
  sampleRef = services.appInfo.sampleRef
  const layout = await writeDownloadLayout()
  featureRef = layout.ref
  feature = layout.feature
  cleanup.push(...layout.dirs)
})

after(async () => {
  await server.close()
  await rm(dataDir, { recursive: true, force: true })
  for (const dir of cleanup) await rm(dir, { recursive: true, force: true })
})

test('a file downloads as its exact bytes, named after it', async () => {
  const answer = await download({ ref: sampleRef, path: '/etc/os-release' })
  assert.equal(answer.status, 200, answer.body.toString())
  assert.equal(answer.body.toString('utf8'), contentOf('etc/os-release'))
  assert.equal(answer.headers['content-type'], 'application/octet-stream')
  assert.equal(answer.headers['content-length'], String(answer.body.length))
  assert.equal(
    answer.headers['content-disposition'],
    `attachment; filename="os-release"; filename*=UTF-8''os-release`,
  )
  assert.equal(answer.headers['x-content-type-options'], 'nosniff')
})

test('a symlink downloads as the bytes of its target inside the image', async () => {
  const answer = await download({ ref: sampleRef, path: '/usr/bin/hello' })
  assert.equal(answer.status, 200, answer.body.toString())
  assert.equal(answer.body.toString('utf8'), contentOf('usr/bin/greet'))
  assert.match(String(answer.headers['content-disposition']), /filename="hello"/)
})

test('a directory downloads as a tar GNU tar lists and extracts to the original files', async () => {
  const answer = await download({ ref: sampleRef, path: '/etc' })
  assert.equal(answer.status, 200, answer.body.toString())
  assert.equal(answer.headers['content-type'], 'application/x-tar')
  assert.equal(answer.headers['content-length'], String(answer.body.length))
  assert.match(String(answer.headers['content-disposition']), /filename="etc\.tar"/)
  const { listing, names, dir } = await unpack(answer.body)
  assert.deepEqual(names.toSorted(), [
    'etc/',
    'etc/group',
    'etc/hostname',
    'etc/os-release',
    'etc/passwd',
  ])
  assert.match(lineFor(listing, 'etc/'), /^drwxr-xr-x 0\/0 /)
  assert.match(lineFor(listing, 'etc/passwd'), /^-rw-r--r-- 0\/0 +69 /)
  const mtime = statSync(path.join(dir, 'etc/passwd')).mtime.toISOString()
  assert.equal(mtime, new Date(SAMPLE_CREATED).toISOString(), 'mtime kept')
  for (const name of ['group', 'hostname', 'os-release', 'passwd']) {
    assert.equal(readFileSync(path.join(dir, 'etc', name), 'utf8'), contentOf(`etc/${name}`))
  }
})

test('the tar keeps modes and symlinks; the whole image downloads as rootfs.tar', async () => {
  const usr = await unpack((await download({ ref: sampleRef, path: 'usr' })).body)
  assert.match(lineFor(usr.listing, 'usr/bin/greet'), /^-rwxr-xr-x /)
  assert.match(lineFor(usr.listing, 'usr/bin/hello'), /^lrwxrwxrwx .* usr\/bin\/hello -> greet$/)
  assert.equal(readlinkSync(path.join(usr.dir, 'usr/bin/hello')), 'greet')
  const root = await download({ ref: sampleRef, path: '/' })
  assert.match(String(root.headers['content-disposition']), /filename="rootfs\.tar"/)
  const all = await unpack(root.body)
  assert.ok(all.names.includes('app/server.sh'))
  assert.match(lineFor(all.listing, 'root/'), /^drwx------ /)
  assert.match(lineFor(all.listing, 'tmp/'), /^drwxrwxrwt /)
  assert.deepEqual(
    all.names.filter((n) => n.startsWith('var/cache/pkg/') && n !== 'var/cache/pkg/'),
    ['var/cache/pkg/.keep'],
    'the opaque directory hides the lower layer files',
  )
})

test('a whiteout-deleted path is absent; as of an earlier layer it is there', async () => {
  const merged = await unpack((await download({ ref: sampleRef, path: '/etc' })).body)
  assert.ok(!merged.names.includes('etc/motd'))
  const deleted = await download({ ref: sampleRef, path: '/etc/motd' })
  assert.equal(deleted.status, 404)
  assert.match(deleted.body.toString(), /\/etc\/motd is not in the image/)
  const asOfBase = await unpack((await download({ ref: sampleRef, layer: '1', path: '/etc' })).body)
  assert.ok(asOfBase.names.includes('etc/motd'))
  assert.equal(readFileSync(path.join(asOfBase.dir, 'etc/motd'), 'utf8'), contentOf('etc/motd'))
})

test('without the token: 401; the page cookie alone: 401; a one-time nonce: allowed', async () => {
  const args = { ref: sampleRef, path: '/etc/hostname' }
  assert.equal((await download(args, {})).status, 401)
  assert.equal((await download(args, { 'x-strata-token': 'wrong' })).status, 401)
  const page = await get(`/?token=${server.token}`)
  const cookie = String(page.headers['set-cookie']).split(';')[0] ?? ''
  assert.equal((await download(args, { cookie })).status, 401, 'the cookie opens no download')
  const nonce = await downloadNonce(server.port, server.token, downloadQuery(args))
  const withNonce = await get(`${WEB_DOWNLOAD_PATH}${downloadQuery(args)}&nonce=${nonce}`)
  assert.equal(withNonce.status, 200)
  assert.equal(withNonce.body.toString(), contentOf('etc/hostname'))
  const query = await get(`${WEB_DOWNLOAD_PATH}${downloadQuery(args)}&token=${server.token}`)
  assert.equal(query.status, 401, 'the token never travels in a download URL')
})

test('errors come back readable with the right status', async () => {
  const missing = await download({ ref: sampleRef, path: '/etc/nope' })
  assert.equal(missing.status, 404)
  assert.equal(missing.headers['x-strata-error-code'], 'NOT_FOUND')
  assert.match(String(missing.headers['content-type']), /^text\/plain/)
  assert.match(missing.body.toString(), /\/etc\/nope is not in the image/)
  const noPath = await get(`${WEB_DOWNLOAD_PATH}?ref=${encodeURIComponent(sampleRef)}`, withToken())
  assert.equal(noPath.status, 400)
  assert.match(noPath.body.toString(), /"path" is required/)
  const badLayer = await download({ ref: sampleRef, layer: '9', path: '/etc' })
  assert.equal(badLayer.status, 400)
  assert.match(badLayer.body.toString(), /this image has 4 layers/)
})

test('GNU tar features survive: long and UTF-8 names, hardlinks, sparse data, fifo', async () => {
  const answer = await download({ ref: featureRef, layer: '1', path: '/' })
  assert.equal(answer.status, 200, answer.body.toString())
  const { listing, dir } = await unpack(answer.body)
  for (const name of [feature.longName, 'héllo wörld ☃.txt', 'etc/os-release', 'bin/busybox']) {
    assert.deepEqual(
      readFileSync(path.join(dir, name)),
      readFileSync(path.join(feature.root, name)),
    )
  }
  assert.match(lineFor(listing, 'bin/sh'), /^h.* bin\/sh link to bin\/busybox$/)
  assert.equal(statSync(path.join(dir, 'bin/sh')).ino, statSync(path.join(dir, 'bin/busybox')).ino)
  assert.equal(readlinkSync(path.join(dir, 'longlink')), `/${feature.longName}`)
  assert.equal(readlinkSync(path.join(dir, 'bin/rel')), '../etc/os-release')
  assert.ok(lstatSync(path.join(dir, 'pipe')).isFIFO())
  const sparse = readFileSync(path.join(dir, 'sparse.img'))
  assert.equal(sparse.length, 64 * 1024 * 1024)
  assert.deepEqual(sparse, readFileSync(path.join(feature.root, 'sparse.img')))
})

test('a UTF-8 file name reaches the browser intact and safe (RFC 6266)', async () => {
  const answer = await download({ ref: featureRef, path: '/héllo wörld ☃.txt' })
  assert.equal(answer.status, 200, answer.body.toString())
  assert.equal(answer.body.toString(), 'utf8\n')
  assert.equal(
    answer.headers['content-disposition'],
    `attachment; filename="h_llo w_rld _.txt"; filename*=UTF-8''h%C3%A9llo%20w%C3%B6rld%20%E2%98%83.txt`,
  )
})

test('hostile names never escape the tar; hardlinks point at names inside it', async () => {
  const answer = await download({ ref: featureRef, path: '/' })
  assert.equal(answer.status, 200, answer.body.toString())
  const { listing, names, dir } = await unpack(answer.body)
  for (const name of names) {
    assert.ok(!name.startsWith('/'), `absolute name ${name}`)
    assert.ok(!name.split('/').includes('..'), `dot-dot name ${name}`)
  }
  for (const folded of ['evil.txt', 'abs/escape.txt', 'up.txt']) assert.ok(names.includes(folded))
  assert.equal(readFileSync(path.join(dir, 'evil.txt'), 'utf8'), 'escaped?\n')
  // a-link sorts first, so it carries the data and z-target links to it.
  assert.match(lineFor(listing, 'links/z-target'), /^h.* links\/z-target link to links\/a-link$/)
  assert.equal(readFileSync(path.join(dir, 'links/z-target'), 'utf8'), 'linked data\n')
  assert.equal(
    statSync(path.join(dir, 'links/a-link')).ino,
    statSync(path.join(dir, 'links/z-target')).ino,
  )
  assert.equal(readFileSync(path.join(dir, 'links/up-link'), 'utf8'), 'escaped?\n')
  assert.equal(readlinkSync(path.join(dir, 'links/away')), '../../../../etc/passwd')
})

test('a hardlink whose target lies outside the directory carries the data itself', async () => {
  const answer = await download({ ref: featureRef, path: '/links' })
  const { listing, dir } = await unpack(answer.body)
  assert.match(lineFor(listing, 'links/up-link'), /^-rw/)
  assert.equal(readFileSync(path.join(dir, 'links/up-link'), 'utf8'), 'escaped?\n')
})

test('progress events: labelled, in bytes, cancellable, ending with done', async () => {
  const stream = await openEvents()
  try {
    const answer = await download({ ref: featureRef, layer: '1', path: '/bin' })
    assert.equal(answer.status, 200)
    const done = await stream.waitFor(
      (e) => e.type === 'progress' && e.label === 'Downloading /bin …' && e.done === true,
    )
    assert.equal(done.unit, 'bytes')
    assert.equal(done.cancellable, true)
    assert.equal(done.doneBytes, answer.body.length)
  } finally {
    stream.close()
  }
})

test('closing the connection midway stops the download; the server keeps serving', async () => {
  const stream = await openEvents()
  try {
    await new Promise<void>((resolve, reject) => {
      const target = `${WEB_DOWNLOAD_PATH}${downloadQuery({ ref: featureRef, layer: '1', path: '/' })}`
      const req = request(
        { host: '127.0.0.1', port: server.port, path: target, headers: withToken(), agent: false },
        (res) => {
          res.once('data', () => {
            req.destroy()
            resolve()
          })
        },
      )
      req.on('error', () => undefined)
      req.once('close', () => resolve())
      setTimeout(() => reject(new Error('no data')), 30_000).unref()
      req.end()
    })
    const done = await stream.waitFor(
      (e) => e.type === 'progress' && e.label === 'Downloading / …' && e.done === true,
    )
    assert.ok(done.doneBytes < 64 * 1024 * 1024, 'stopped before the sparse file was sent')
    const after = await download({ ref: sampleRef, path: '/etc/hostname' })
    assert.equal(after.status, 200)
  } finally {
    stream.close()
  }
})

test('operation:cancel with the id from its progress events stops a download', async () => {
  const stream = await openEvents()
  try {
    const target = `${WEB_DOWNLOAD_PATH}${downloadQuery({ ref: featureRef, layer: '1', path: '/sparse.img' })}`
    let received = 0
    const ended = new Promise<string>((resolve) => {
      const req = request(
        { host: '127.0.0.1', port: server.port, path: target, headers: withToken(), agent: false },
        (res) => {
          res.pause() // nobody reads: the download waits for its reader
          void cancelIt().then(() => res.resume())
          res.on('data', (chunk: Buffer) => (received += chunk.length))
          res.on('end', () => resolve('end'))
          res.on('error', () => resolve('error'))
          res.on('close', () => resolve('close'))
        },
      )
      req.on('error', () => resolve('error'))
      req.end()
    })
    const cancelIt = async (): Promise<void> => {
      const started = await stream.waitFor(
        (e) => e.type === 'progress' && e.label === 'Downloading /sparse.img …',
      )
      assert.equal(started.cancellable, true)
      const answer = await post({
        name: 'operation:cancel',
        args: { operationId: started.operationId },
      })
      assert.deepEqual(answer, { ok: true, value: { cancelled: true } })
    }
    assert.notEqual(await ended, 'end')
    assert.ok(received < 64 * 1024 * 1024, `received ${received} bytes`)
    const done = await stream.waitFor(
      (e) => e.label === 'Downloading /sparse.img …' && e.done === true,
    )
    assert.ok(done.doneBytes < 64 * 1024 * 1024)
  } finally {
    stream.close()
  }
})
