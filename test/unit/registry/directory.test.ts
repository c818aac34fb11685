import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { StrataError } from '../../../shared/errors'
import { normalizeRegistryAddress } from '../../../electron/registry/registryAddress'
import { RegistryDirectory } from '../../../electron/registry/registryDirectory'
import { MemorySecretStore } from '../../../electron/registry/secretStore'
import { RegistryClientPool } from '../../../electron/registry/clientPool'

describe('normalizeRegistryAddress', () => {
  it('strips scheme, path and trailing slash and lowercases', () => {
    assert.deepEqual(normalizeRegistryAddress(' HTTPS://Registry.Example.com:5000/v2/ '), {
      host: 'registry.example.com:5000',
      httpRequested: false,
    })
    assert.deepEqual(normalizeRegistryAddress('http://10.0.0.5:5000'), {
      host: '10.0.0.5:5000',
      httpRequested: true,
    })
    assert.equal(normalizeRegistryAddress('index.docker.io').host, 'docker.io')
    assert.equal(normalizeRegistryAddress('[::1]:5000').host, '[::1]:5000')
  })

  it('refuses garbage with BAD_INPUT', () => {
    for (const bad of [
      '',
      '   ',
      'ftp://x.example',
      'user:pw@host.example',
      'host with space',
      'a..b',
      'h:99999',
      'https://',
    ]) {
      assert.throws(
        () => normalizeRegistryAddress(bad),
        (e: unknown) => e instanceof StrataError && e.code === 'BAD_INPUT',
        bad,
      )
    }
  })
})

describe('RegistryDirectory', () => {
  let dir: string
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'strata-dir-'))
  })
  after(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  it('adds, persists and removes registries; secrets stay out of the file', async () => {
    const secrets = new MemorySecretStore()
    const directory = new RegistryDirectory({ dataDir: dir, secrets })
    assert.deepEqual(directory.list(), [])
    const changes: string[] = []
    directory.onChange((host) => changes.push(host))

    const added = await directory.add({
      address: 'https://Quay.Example.com/',
      username: 'alice',
      password: 's3cret-pw',
    })
    assert.deepEqual(added, {
      host: 'quay.example.com',
      insecure: false,
      username: 'alice',
      hasCredentials: true,
    })
    const insecure = await directory.add({ address: 'http://lab.example.com:5000' })
    assert.equal(insecure.insecure, true)
    const loopback = await directory.add({ address: '127.0.0.1:5000' })
    assert.equal(loopback.insecure, true)
    assert.equal(directory.isInsecure('lab.example.com:5000'), true)
    assert.equal(directory.isInsecure('quay.example.com'), false)

    const text = await readFile(directory.filePath, 'utf8')
    assert.doesNotMatch(text, /s3cret-pw/)
    assert.deepEqual(await directory.get('quay.example.com'), {
      username: 'alice',
      password: 's3cret-pw',
      source: 'the credentials saved in Strata',
    })
    assert.equal(await directory.get('lab.example.com:5000'), undefined)

    // A second instance reads what the first wrote.
    const again = new RegistryDirectory({ dataDir: dir, secrets })
    assert.deepEqual(
      again.list().map((e) => e.host),
      ['127.0.0.1:5000', 'lab.example.com:5000', 'quay.example.com'],
    )

    const left = await directory.remove('quay.example.com')
    assert.equal(left.length, 2)
    assert.equal(await secrets.get('quay.example.com'), undefined)
    assert.deepEqual(changes, [
      'quay.example.com',
      'lab.example.com:5000',
      '127.0.0.1:5000',
      'quay.example.com',
    ])
    // No temp files left behind.
    assert.deepEqual(
      (await readdir(dir)).filter((f) => f.endsWith('.tmp')),
      [],
    )
  })

  it('stores a token, replaces and clears credentials', async () => {
    const directory = new RegistryDirectory({
      dataDir: dir,
      secrets: new MemorySecretStore(),
      fileName: 'tokens.json',
    })
    await directory.setCredentials({ host: 'ghcr.io', token: 'ghp_abc' })
    assert.deepEqual(await directory.get('ghcr.io'), {
      registryToken: 'ghp_abc',
      source: 'the credentials saved in Strata',
    })
    const cleared = await directory.setCredentials({ host: 'ghcr.io' })
    assert.equal(cleared.hasCredentials, false)
    assert.equal(await directory.get('ghcr.io'), undefined)
    await assert.rejects(
      directory.setCredentials({ host: 'ghcr.io', password: 'x' }),
      /needs a username/,
    )
    await assert.rejects(
      directory.add({ address: 'ghcr.io', username: 'u' }),
      /needs a password or a token/,
    )
  })

  it('starts empty on a corrupt file and keeps a .corrupt copy', async () => {
    const path = join(dir, 'broken.json')
    await writeFile(path, '{"registries": [tru')
    const warnings: string[] = []
    const directory = new RegistryDirectory({
      dataDir: dir,
      secrets: new MemorySecretStore(),
      fileName: 'broken.json',
      onWarning: (w) => warnings.push(w),
    })
    assert.deepEqual(directory.list(), [])
    assert.equal(await readFile(`${path}.corrupt`, 'utf8'), '{"registries": [tru')
    assert.equal(warnings.length, 1)
    await directory.add({ address: 'x.example.com' })
    const saved = JSON.parse(await readFile(path, 'utf8')) as { registries: unknown[] }
    assert.equal(saved.registries.length, 1)
  })

  it('skips bad entries in an otherwise good file', async () => {
    await writeFile(
      join(dir, 'mixed.json'),
      JSON.stringify({
        version: 1,
        registries: [{ host: 'ok.example.com', insecure: false }, { host: 'bad host' }, 7],
      }),
    )
    const directory = new RegistryDirectory({
      dataDir: dir,
      secrets: new MemorySecretStore(),
      fileName: 'mixed.json',
    })
    assert.deepEqual(directory.list(), [
      { host: 'ok.example.com', insecure: false, hasCredentials: false },
    ])
  })

  it('drives the pool: an insecure mark changes the client scheme', async () => {
    const directory = new RegistryDirectory({
      dataDir: dir,
      secrets: new MemorySecretStore(),
      fileName: 'pool.json',
    })
    const pool = new RegistryClientPool({
      credentials: directory,
      isInsecure: (h) => directory.isInsecure(h),
    })
    try {
      assert.equal(pool.clientFor('lab.example.com').baseUrl.origin, 'https://lab.example.com')
      await directory.add({ address: 'http://lab.example.com' })
      assert.equal(pool.clientFor('lab.example.com').baseUrl.origin, 'http://lab.example.com')
      assert.equal(pool.clientFor('docker.io').baseUrl.origin, 'https://registry-1.docker.io')
      assert.equal(pool.clientFor('https://Index.Docker.io/v1/'), pool.clientFor('docker.io'))
      assert.equal(pool.clientFor('127.0.0.1:5000').baseUrl.origin, 'http://127.0.0.1:5000')
      assert.equal(pool.clientFor('127.0.0.1:5000'), pool.clientFor('127.0.0.1:5000'))
    } finally {
      await pool.close()
    }
  })
})
