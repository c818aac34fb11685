// files:inspect through the api, composed as the app composes it, on an image pushed to the real
// registry: a real ELF binary of this machine (and a symlink to it), the system CA bundle, a
// certificate with its private key, and plain text. The answers agree with the summaries of the
// same bytes read locally; the key is flagged and never returned.

import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { after, before, test } from 'node:test'
import type { ArgsOf, OperationName, ResultOf } from '../../../shared/api'
import { createHandlers } from '../../../electron/api/handlers'
import type { HandlerTable } from '../../../electron/api/handlerTable'
import { composeServices } from '../../../electron/app/composeServices'
import { summarizeElf } from '../../../electron/files/inspect/elfSummary'
import { callHandler, callHandlerError } from '../../harness/handlerCalls'
import { pushTestImage } from '../../harness/imagePushing'
import { startRegistry, type RunningRegistry } from '../../harness/registryServer'

let registry: RunningRegistry
let dataDir: string
let table: HandlerTable
let ref: string
let elfBytes: Buffer
let keyText: string

function call<N extends OperationName>(name: N, args: ArgsOf<N>): Promise<ResultOf<N>> {
  return callHandler(table, name, args)
}

before(async () => {
  registry = await startRegistry()
  dataDir = await mkdtemp(path.join(tmpdir(), 'strata-inspect-'))
  elfBytes = await readFile('/usr/bin/env')
  const keyPath = path.join(dataDir, 'key.pem')
  execFileSync('openssl', ['genpkey', '-algorithm', 'Ed25519', '-out', keyPath])
  const cert = execFileSync('openssl', [
    'req',
    '-x509',
    '-new',
    '-key',
    keyPath,
    '-days',
    '2',
    '-subj',
    '/CN=inspect.test',
  ])
  keyText = await readFile(keyPath, 'utf8')
  await pushTestImage(registry.host, 'inspect/app', ['v1'], {
    layers: [
      [
        { type: 'dir', path: 'usr/bin' },
        { type: 'file', path: 'usr/bin/env', content: elfBytes, mode: 0o755 },
        { type: 'symlink', path: 'usr/bin/printenv-link', target: 'env' },
      ],
      [
        { type: 'dir', path: 'etc/ssl/certs' },
        {
          type: 'file',
          path: 'etc/ssl/certs/ca-certificates.crt',
          content: await readFile('/etc/ssl/certs/ca-certificates.crt'),
        },
        { type: 'file', path: 'etc/tls/server.pem', content: `${cert.toString()}${keyText}` },
        { type: 'file', path: 'etc/motd', content: 'hello\n' },
      ],
    ],
  })
  ref = `${registry.host}/inspect/app:v1`
  table = createHandlers(await composeServices({ mode: 'web', dataDir, env: {} }))
})
after(async () => {
  await registry?.stop()
  await rm(dataDir, { recursive: true, force: true })
})

test('an ELF in a layer is summarised as the same bytes read locally, also through a symlink', async () => {
  const local = await summarizeElf(
    (offset, length) => Promise.resolve(elfBytes.subarray(offset, offset + length)),
    elfBytes.length,
  )
  for (const filePath of ['/usr/bin/env', '/usr/bin/printenv-link']) {
    const inspection = await call('files:inspect', { ref, path: filePath })
    assert.deepEqual(inspection, { kind: 'elf', elf: local }, filePath)
  }
  assert.ok(local.needed.includes('libc.so.6'))
  assert.match(local.interpreter ?? '', /ld-linux/)
  // As of layer 1 too; a directory is refused.
  assert.equal((await call('files:inspect', { ref, path: '/usr/bin/env', layer: '1' })).kind, 'elf')
  assert.equal(
    await callHandlerError(table, 'files:inspect', { ref, path: '/usr/bin' }),
    'BAD_INPUT',
  )
})

test('the CA bundle and a certificate with its key: certificates decoded, the key flagged only', async () => {
  const bundle = await call('files:inspect', { ref, path: '/etc/ssl/certs/ca-certificates.crt' })
  assert.equal(bundle.kind, 'certificates')
  const expected = (await readFile('/etc/ssl/certs/ca-certificates.crt', 'utf8')).match(
    /BEGIN CERTIFICATE/g,
  )?.length
  if (bundle.kind === 'certificates') assert.equal(bundle.pem.certificates.length, expected)

  const server = await call('files:inspect', { ref, path: 'etc/tls/server.pem' })
  assert.equal(server.kind, 'certificates')
  if (server.kind !== 'certificates') return
  assert.equal(server.pem.certificates[0]?.subject, 'CN=inspect.test')
  assert.deepEqual(server.pem.privateKeys, [{ label: 'PRIVATE KEY' }])
  const keyBody = keyText.split('\n')[1] ?? ''
  assert.ok(keyBody.length > 20 && !JSON.stringify(server).includes(keyBody.slice(0, 16)))

  assert.deepEqual(await call('files:inspect', { ref, path: 'etc/motd' }), { kind: 'none' })
})
