import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { StrataError } from '../../../shared/errors'
import {
  CredentialChain,
  findCredentialKey,
  hostOfCredentialKey,
} from '../../../electron/registry/credentials'
import type { Credentials } from '../../../electron/registry/credentials'
import {
  FileCredentialProvider,
  credentialFileLocations,
} from '../../../electron/registry/credentialFiles'

// A real credential helper on PATH: a shell script speaking docker's helper protocol.
const HELPER_SCRIPT = `#!/bin/sh
[ "$1" = "get" ] || { echo "unsupported: $1" >&2; exit 2; }
read -r server
printf '%s\\n' "$server" >> "$(dirname "$0")/asked.log"
case "$server" in
  helper.example.com) printf '{"ServerURL":"%s","Username":"helperuser","Secret":"helper-secret"}' "$server" ;;
  https://index.docker.io/v1/) printf '{"ServerURL":"%s","Username":"<token>","Secret":"identity-xyz"}' "$server" ;;
  slow.example.com) sleep 5 ;;
  broken.example.com) printf 'this is not json, it contains hunter2' ;;
  *) echo "credentials not found in native keychain"; exit 1 ;;
esac
`

const b64 = (s: string): string => Buffer.from(s).toString('base64')

describe('credential files', () => {
  let root: string
  let home: string
  let bin: string
  let env: Record<string, string>

  before(async () => {
    root = await mkdtemp(join(tmpdir(), 'strata-creds-'))
    home = join(root, 'home')
    bin = join(root, 'bin')
    await mkdir(join(home, '.docker'), { recursive: true })
    await mkdir(bin, { recursive: true })
    await writeFile(join(bin, 'docker-credential-test'), HELPER_SCRIPT)
    await chmod(join(bin, 'docker-credential-test'), 0o755)
    env = { PATH: `${bin}:/usr/bin:/bin` }
    await writeFile(
      join(home, '.docker', 'config.json'),
      JSON.stringify({
        auths: {
          'https://index.docker.io/v1/': { auth: b64('hubuser:hubpass') },
          'https://plain.example.com': { auth: b64('alice:pa:ss') },
          'ports.example.com:5000': { username: 'bob', password: 'bobpass' },
          'legacy.example.com/v1/': { auth: b64('carol:c') },
          'id.example.com': { auth: b64('dave:'), identitytoken: 'refresh-123' },
          'empty.example.com': {},
        },
        credHelpers: { 'helper.example.com': 'test', 'missing.example.com': 'nonexistent' },
      }),
    )
  })

  after(async () => {
    await rm(root, { recursive: true, force: true })
  })

  const provider = (
    extra: Record<string, string> = {},
    timeoutMs?: number,
  ): FileCredentialProvider =>
    new FileCredentialProvider({
      env: { ...env, ...extra },
      homeDir: home,
      ...(timeoutMs !== undefined ? { helperTimeoutMs: timeoutMs } : {}),
    })

  it('reads base64 auth for every spelling of a key', async () => {
    const p = provider()
    assert.deepEqual(await p.get('docker.io'), {
      source: '~/.docker/config.json',
      username: 'hubuser',
      password: 'hubpass',
    })
    const alice = await p.get('plain.example.com')
    assert.equal(alice?.username, 'alice')
    assert.equal(alice?.password, 'pa:ss') // only the first colon separates
    assert.equal((await p.get('ports.example.com:5000'))?.username, 'bob')
    assert.equal((await p.get('legacy.example.com'))?.username, 'carol')
    assert.equal(await p.get('ports.example.com'), undefined) // another port is another host
    assert.equal(await p.get('empty.example.com'), undefined)
    assert.equal(await p.get('unknown.example.com'), undefined)
  })

  it('reads an identity token instead of a password', async () => {
    assert.deepEqual(await provider().get('id.example.com'), {
      source: '~/.docker/config.json',
      username: 'dave',
      identityToken: 'refresh-123',
    })
  })

  it('runs a per-host credential helper with the host on stdin', async () => {
    const found = await provider().get('helper.example.com')
    assert.deepEqual(found, {
      username: 'helperuser',
      password: 'helper-secret',
      source: 'docker-credential-test',
    })
    const asked = await readFile(join(bin, 'asked.log'), 'utf8')
    assert.match(asked, /^helper\.example\.com$/m)
  })

  it('says clearly when a named helper is not installed', async () => {
    await assert.rejects(provider().get('missing.example.com'), (error: unknown) => {
      assert.ok(error instanceof StrataError)
      assert.equal(error.code, 'UNAVAILABLE')
      assert.match(error.message, /docker-credential-nonexistent .* is not installed/)
      assert.match(error.message, /~\/\.docker\/config\.json/)
      return true
    })
  })

  describe('with credsStore and containers auth files', () => {
    let dockerConfigDir: string
    let xdg: string

    before(async () => {
      dockerConfigDir = join(root, 'dockercfg')
      xdg = join(root, 'run')
      await mkdir(dockerConfigDir, { recursive: true })
      await mkdir(join(xdg, 'containers'), { recursive: true })
      await mkdir(join(home, '.config', 'containers'), { recursive: true })
      await writeFile(
        join(dockerConfigDir, 'config.json'),
        JSON.stringify({
          credsStore: 'test',
          auths: { 'only-docker.example.com': { auth: b64('d:d') } },
        }),
      )
      await writeFile(
        join(xdg, 'containers', 'auth.json'),
        JSON.stringify({ auths: { 'shared.example.com': { auth: b64('from-xdg:x') } } }),
      )
      await writeFile(
        join(home, '.config', 'containers', 'auth.json'),
        JSON.stringify({
          auths: {
            'shared.example.com': { auth: b64('from-home:h') },
            'home-only.example.com': { auth: b64('home:h') },
          },
        }),
      )
      await writeFile(
        join(root, 'explicit.json'),
        JSON.stringify({ auths: { 'shared.example.com': { auth: b64('explicit:e') } } }),
      )
    })

    it('lists the files in podman order', () => {
      const locations = credentialFileLocations({
        env: {
          REGISTRY_AUTH_FILE: join(root, 'explicit.json'),
          XDG_RUNTIME_DIR: xdg,
          DOCKER_CONFIG: dockerConfigDir,
        },
        homeDir: home,
      })
      assert.deepEqual(
        locations.map((l) => l.path),
        [
          join(root, 'explicit.json'),
          join(xdg, 'containers', 'auth.json'),
          join(home, '.config', 'containers', 'auth.json'),
          join(dockerConfigDir, 'config.json'),
        ],
      )
      assert.equal(locations[2]?.label, '~/.config/containers/auth.json')
    })

    it('prefers REGISTRY_AUTH_FILE, then XDG_RUNTIME_DIR, then ~/.config', async () => {
      const all = { XDG_RUNTIME_DIR: xdg, DOCKER_CONFIG: dockerConfigDir }
      const explicit = provider({ ...all, REGISTRY_AUTH_FILE: join(root, 'explicit.json') })
      assert.equal((await explicit.get('shared.example.com'))?.username, 'explicit')
      assert.equal((await provider(all).get('shared.example.com'))?.username, 'from-xdg')
      assert.equal(
        (await provider({ DOCKER_CONFIG: dockerConfigDir }).get('shared.example.com'))?.username,
        'from-home',
      )
      assert.equal((await provider(all).get('home-only.example.com'))?.username, 'home')
    })

    it('uses $DOCKER_CONFIG, its auths before its credsStore', async () => {
      const p = provider({ DOCKER_CONFIG: dockerConfigDir })
      assert.equal((await p.get('only-docker.example.com'))?.username, 'd')
      // Docker Hub goes to the store with docker's key; "<token>" marks an identity token.
      assert.deepEqual(await p.get('docker.io'), {
        identityToken: 'identity-xyz',
        source: 'docker-credential-test',
      })
      const asked = await readFile(join(bin, 'asked.log'), 'utf8')
      assert.match(asked, /^https:\/\/index\.docker\.io\/v1\/$/m)
      // The store has nothing for this host: no credentials, no error.
      assert.equal(await p.get('nothing.example.com'), undefined)
    })

    it('times out a helper that hangs', async () => {
      const started = Date.now()
      await assert.rejects(
        provider({ DOCKER_CONFIG: dockerConfigDir }, 300).get('slow.example.com'),
        (error: unknown) => {
          assert.ok(error instanceof StrataError)
          assert.equal(error.code, 'TIMEOUT')
          return true
        },
      )
      assert.ok(Date.now() - started < 3000)
    })

    it('never puts helper output into an error message', async () => {
      await assert.rejects(
        provider({ DOCKER_CONFIG: dockerConfigDir }).get('broken.example.com'),
        (error: unknown) => {
          assert.ok(error instanceof StrataError)
          assert.equal(error.code, 'MALFORMED')
          assert.doesNotMatch(JSON.stringify(error.toApiError()), /hunter2/)
          return true
        },
      )
    })
  })

  it('skips a corrupt file with a warning', async () => {
    const dir = join(root, 'corrupt')
    await mkdir(dir, { recursive: true })
    await writeFile(join(dir, 'config.json'), '{ not json')
    const warnings: string[] = []
    const p = new FileCredentialProvider({
      env: { DOCKER_CONFIG: dir },
      homeDir: join(root, 'nohome'),
      onWarning: (w) => warnings.push(w),
    })
    assert.equal(await p.get('docker.io'), undefined)
    assert.equal(warnings.length, 1)
    assert.match(warnings[0] ?? '', /not valid JSON/)
  })
})

describe('credential keys and the chain', () => {
  it('matches keys by hostname, exact spellings first', () => {
    const keys = ['registry.example.com/ns', 'https://registry.example.com', 'index.docker.io']
    assert.equal(findCredentialKey(keys, 'registry.example.com'), 'https://registry.example.com')
    assert.equal(
      findCredentialKey(['registry.example.com/ns'], 'registry.example.com'),
      'registry.example.com/ns',
    )
    assert.equal(findCredentialKey(keys, 'docker.io'), 'index.docker.io')
    assert.equal(findCredentialKey(keys, 'other.example.com'), undefined)
    assert.equal(hostOfCredentialKey('HTTPS://Registry-1.Docker.io/v2/'), 'docker.io')
    assert.equal(hostOfCredentialKey('http://h:5000/v1/'), 'h:5000')
  })

  it('asks in-app credentials first, then the files', async () => {
    const asked: string[] = []
    const inApp = {
      get: (host: string): Promise<Credentials | undefined> => {
        asked.push(`app:${host}`)
        return Promise.resolve(
          host === 'a.example.com' ? { username: 'app', password: 'p', source: 'app' } : undefined,
        )
      },
    }
    const files = {
      get: (host: string): Promise<Credentials | undefined> => {
        asked.push(`files:${host}`)
        return Promise.resolve({ username: 'file', password: 'p', source: 'file' })
      },
    }
    const chain = new CredentialChain([inApp, files])
    assert.equal((await chain.get('a.example.com'))?.username, 'app')
    assert.equal((await chain.get('b.example.com'))?.username, 'file')
    assert.deepEqual(asked, ['app:a.example.com', 'app:b.example.com', 'files:b.example.com'])
  })
})
