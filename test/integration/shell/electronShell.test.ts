// The desktop shell's wiring, checked against a stand-in `electron` module because the
// Electron binary cannot be downloaded or run here. The real main.ts is bundled exactly as
// `npm start` bundles it, with only the electron import swapped.

import assert from 'node:assert/strict'
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { after, before, test } from 'node:test'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { DownloadArgs, StrataBridge } from '../../../shared/api'
import { WEB_DOWNLOAD_PATH, downloadQuery } from '../../../shared/api'
import { bundleDesktopShell } from '../../../electron/app/bundleDesktopShell'
import { createElectronTransport } from '../../../renderer/api/electronTransport'
import type { ShellRecord } from '../../harness/electronStandIn'

const PROJECT_ROOT = path.resolve(import.meta.dirname, '..', '..', '..')
const STAND_IN = path.join(PROJECT_ROOT, 'test', 'harness', 'electronStandIn.ts')
let outdir: string
let shell: ShellRecord

before(async () => {
  // Inside the project, two levels down like dist/electron, so the bundle finds node_modules
  // and its project root the same way the real one does.
  await mkdir(path.join(PROJECT_ROOT, 'dist'), { recursive: true })
  outdir = await mkdtemp(path.join(PROJECT_ROOT, 'dist', 'shell-test-'))
  await bundleDesktopShell({ outdir, electronModule: STAND_IN })
  await import(pathToFileURL(path.join(outdir, 'main.js')).href)
  const deadline = Date.now() + 10_000
  let record: ShellRecord | undefined
  while (Date.now() < deadline) {
    record = (globalThis as { strataShellRecord?: ShellRecord }).strataShellRecord
    if (record && record.windows.length > 0) break
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  assert.ok(record && record.windows.length > 0, 'main.ts opened a window')
  shell = record
})

after(async () => {
  await rm(outdir, { recursive: true, force: true })
  await rm(shell.userData, { recursive: true, force: true })
})

test('electron shell (stand-in electron): the bundle ships main, preload and the index worker', async () => {
  const { readdir } = await import('node:fs/promises')
  const files = await readdir(outdir)
  for (const name of ['main.js', 'preload.cjs', 'indexWorker.js'])
    assert.ok(files.includes(name), name)
})

test('electron shell (stand-in electron): the window is sandboxed and isolated', () => {
  const window = shell.windows[0]
  assert.ok(window)
  const prefs = window.options.webPreferences as Record<string, unknown>
  assert.equal(prefs.contextIsolation, true)
  assert.equal(prefs.sandbox, true)
  assert.equal(prefs.nodeIntegration, false)
  assert.equal(prefs.webSecurity, true)
  assert.equal(prefs.webviewTag, false)
  assert.match(String(prefs.preload), /preload\.cjs$/)
  assert.equal(window.loadedUrl, 'strata://app/index.html')
})

test('electron shell (stand-in electron): navigation, new windows and permissions are refused', () => {
  const contents = shell.windows[0]?.contents
  assert.ok(contents)
  let prevented = false
  for (const listener of contents.listeners.get('will-navigate') ?? []) {
    listener({ preventDefault: () => (prevented = true) }, 'https://evil.test/')
  }
  assert.equal(prevented, true)
  let inAppPrevented = false
  for (const listener of contents.listeners.get('will-navigate') ?? []) {
    listener({ preventDefault: () => (inAppPrevented = true) }, 'strata://app/index.html?view=tags')
  }
  assert.equal(inAppPrevented, false, 'our own pages may still load')
  assert.deepEqual(contents.windowOpenHandler?.({ url: 'https://example.test/' }), {
    action: 'deny',
  })
  let granted: boolean | undefined
  shell.permissionHandler?.(null, 'camera', (allow: boolean) => (granted = allow))
  assert.equal(granted, false)
})

test('electron shell (stand-in electron): ipc answers our origin only, with the same handlers', async () => {
  const handler = shell.ipcHandlers.get('strata:call')
  assert.ok(handler)
  const sender = { once: () => undefined }
  const foreign = (await handler(
    { senderFrame: { url: 'https://evil.test/' }, sender },
    { name: 'app:info', args: {} },
  )) as { ok: boolean; error?: { code: string } }
  assert.deepEqual([foreign.ok, foreign.error?.code], [false, 'FORBIDDEN'])
  const ours = (await handler(
    { senderFrame: { url: 'strata://app/index.html?view=graph' }, sender },
    { name: 'app:info', args: {} },
  )) as { ok: boolean; value?: { mode: string }; error?: unknown }
  assert.deepEqual([ours.ok, ours.value?.mode], [true, 'electron'], JSON.stringify(ours.error))
  const chosen = (await handler(
    { senderFrame: { url: 'strata://app/index.html' }, sender },
    { name: 'dialog:choosePath', args: { kind: 'directory' } },
  )) as { ok: boolean; value?: { path?: string } }
  assert.deepEqual(chosen.value, { path: '/chosen/layout' }, 'the desktop shell wires its dialog')
})

test('electron shell (stand-in electron): the renderer protocol serves only dist/renderer, with a CSP', async () => {
  const serve = shell.protocolHandlers.get('strata')
  assert.ok(serve)
  const page = await serve(new Request('strata://app/index.html'))
  assert.equal(page.status, 200)
  assert.match(page.headers.get('content-security-policy') ?? '', /script-src 'self'/)
  const escape = await serve(new Request('strata://app/..%2f..%2fpackage.json'))
  assert.equal(escape.status, 404, 'no file outside dist/renderer')
  assert.equal((await serve(new Request('strata://other/index.html'))).status, 404)
})

test('electron shell (stand-in electron): downloads stream through the strata://app protocol', async () => {
  const serve = shell.protocolHandlers.get('strata')
  const call = shell.ipcHandlers.get('strata:call')
  assert.ok(serve && call)
  const info = (await call(
    { senderFrame: { url: 'strata://app/index.html' }, sender: { once: () => undefined } },
    { name: 'app:info', args: {} },
  )) as { value: { sampleRef: string } }
  const url = (args: DownloadArgs): string =>
    `strata://app${WEB_DOWNLOAD_PATH}${downloadQuery(args)}`
  const ref = info.value.sampleRef
  const file = await serve(new Request(url({ ref, path: '/etc/hostname' })))
  assert.equal(file.status, 200, await file.clone().text())
  assert.equal(await file.text(), 'sample\n')
  assert.match(file.headers.get('content-disposition') ?? '', /^attachment; filename="hostname"/)
  const tar = await serve(new Request(url({ ref, path: '/etc' })))
  assert.equal(tar.status, 200)
  const bytes = Buffer.from(await tar.arrayBuffer())
  assert.equal(String(bytes.length), tar.headers.get('content-length'))
  assert.equal(bytes.subarray(0, 4).toString(), 'etc/')
  const missing = await serve(new Request(url({ ref, path: '/etc/motd' })))
  assert.equal(missing.status, 404)
  assert.match(await missing.text(), /\/etc\/motd is not in the image/)
})

test('electron shell (stand-in electron): the preload exposes only the api bridge', async () => {
  const { createRequire } = await import('node:module')
  createRequire(import.meta.url)(path.join(outdir, 'preload.cjs'))
  assert.deepEqual([...shell.exposed.keys()], ['strataBridge'])
  const bridge = shell.exposed.get('strataBridge') as Record<string, unknown>
  assert.deepEqual(Object.keys(bridge).sort(), ['call', 'cancel', 'onEvent', 'pathForFile'])
  const call = bridge.call as (request: object, callId: string) => Promise<unknown>
  await call({ name: 'app:info', args: {}, extra: 'dropped' }, 'probe-1')
  assert.deepEqual(shell.invoked, [
    { channel: 'strata:call', payload: { callId: 'probe-1', name: 'app:info', args: {} } },
  ])
})

/** A registry that accepts requests and never answers; it notes when a request is abandoned. */
async function silentRegistry(): Promise<{
  port: number
  arrived: Promise<void>
  abandoned: Promise<void>
  close: () => Promise<void>
}> {
  let onArrived = (): void => {}
  let onAbandoned = (): void => {}
  const arrived = new Promise<void>((resolve) => (onArrived = resolve))
  const abandoned = new Promise<void>((resolve) => (onAbandoned = resolve))
  const server = createServer((request, response) => {
    onArrived()
    response.on('close', onAbandoned)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as AddressInfo).port
  const close = async (): Promise<void> => {
    server.closeAllConnections()
    await new Promise((resolve) => server.close(resolve))
  }
  return { port, arrived, abandoned, close }
}

const STILL_RUNNING = Symbol('still running')
function within<T>(work: Promise<T>, ms: number): Promise<T | typeof STILL_RUNNING> {
  return Promise.race([
    work,
    new Promise<typeof STILL_RUNNING>((resolve) => setTimeout(() => resolve(STILL_RUNNING), ms)),
  ])
}

test('electron shell (stand-in electron): a call in flight is cancelled by its id', async () => {
  const call = shell.ipcHandlers.get('strata:call')
  const cancel = shell.ipcListeners.get('strata:cancel')
  assert.ok(call && cancel)
  const registry = await silentRegistry()
  try {
    const page = { senderFrame: { url: 'strata://app/index.html' }, sender: { once: () => {} } }
    const args = { repository: `127.0.0.1:${registry.port}/demo/app` }
    const pending = Promise.resolve(
      call(page, { callId: 'tags-1', name: 'registry:listTags', args }),
    ) as Promise<{ ok: boolean; error?: { code: string } }>
    await registry.arrived
    cancel(
      { senderFrame: { url: 'https://evil.test/' }, sender: page.sender },
      { callId: 'tags-1' },
    )
    cancel({ ...page, sender: { once: () => {} } }, { callId: 'tags-1' })
    cancel(page, { callId: 'tags-2' })
    assert.equal(await within(pending, 300), STILL_RUNNING, 'only its page, by its id, cancels it')
    cancel(page, { callId: 'tags-1' })
    const answer = await within(pending, 5_000)
    assert.notEqual(answer, STILL_RUNNING, 'the cancel reached the call')
    assert.deepEqual(answer, {
      ok: false,
      error: { code: 'CANCELLED', message: 'The operation was cancelled.' },
    })
    assert.notEqual(await within(registry.abandoned, 5_000), STILL_RUNNING, 'handler aborted')
  } finally {
    await registry.close()
  }
})

test('electron shell (stand-in electron): Cancel in the renderer aborts the call on the main side', async () => {
  const { createRequire } = await import('node:module')
  createRequire(import.meta.url)(path.join(outdir, 'preload.cjs'))
  const bridge = shell.exposed.get('strataBridge') as StrataBridge
  const transport = createElectronTransport(bridge)
  const registry = await silentRegistry()
  try {
    const controller = new AbortController()
    const args = { repository: `127.0.0.1:${registry.port}/demo/app` }
    const answers = shell.answers.length
    const pending = transport.call({ name: 'registry:listTags', args }, controller.signal)
    await registry.arrived
    const invoked = shell.invoked.at(-1)?.payload as { callId: string }
    controller.abort()
    assert.deepEqual((await pending).ok, false)
    assert.deepEqual(shell.sent.at(-1), {
      channel: 'strata:cancel',
      payload: { callId: invoked.callId },
    })
    const answered = shell.answers[answers]
    assert.ok(answered, 'the preload invoked the main side')
    const mainAnswer = await within(answered, 5_000)
    assert.deepEqual(mainAnswer, {
      ok: false,
      error: { code: 'CANCELLED', message: 'The operation was cancelled.' },
    })
    assert.notEqual(await within(registry.abandoned, 5_000), STILL_RUNNING, 'handler aborted')
  } finally {
    await registry.close()
  }
})
