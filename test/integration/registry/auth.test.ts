// Authentication against real registries: htpasswd (Basic) and token auth through our own
// token server issuing x5c-signed JWTs. The fixtures are pushed once to an open registry;
// the authenticated registries then serve the same storage directory.

import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { StrataError } from '../../../shared/errors'
import { TokenCache } from '../../../electron/registry/auth/tokenCache'
import type { Credentials } from '../../../electron/registry/credentials'
import { RegistryClient } from '../../../electron/registry/registryClient'
import { pushFixtures } from '../../harness/registryFixtures'
import type { FixtureSet } from '../../harness/registryFixtures'
import { startRegistry } from '../../harness/registryServer'
import type { RunningRegistry } from '../../harness/registryServer'
import { startTokenServer } from '../../harness/tokenServer'
import type { RunningTokenServer } from '../../harness/tokenServer'

const USERS = { alice: 'alice-pw' }

function fixed(credentials: Omit<Credentials, 'source'> | undefined): {
  get(): Promise<Credentials | undefined>
} {
  return {
    get: () => Promise.resolve(credentials ? { ...credentials, source: 'the test' } : undefined),
  }
}

async function rejectsWith(
  promise: Promise<unknown>,
  code: string,
  message?: RegExp,
): Promise<StrataError> {
  try {
    await promise
  } catch (error) {
    assert.ok(error instanceof StrataError, String(error))
    assert.equal(error.code, code, error.message)
    if (message) assert.match(error.message, message)
    return error
  }
  throw new Error(`expected ${code}`)
}

describe('registry authentication', () => {
  let storageDir: string
  let fixtures: FixtureSet
  const clients: RegistryClient[] = []
  const client = (options: ConstructorParameters<typeof RegistryClient>[0]): RegistryClient => {
    const made = new RegistryClient(options)
    clients.push(made)
    return made
  }

  before(async () => {
    storageDir = await mkdtemp(join(tmpdir(), 'strata-regauth-'))
    const open = await startRegistry({ storageDir })
    try {
      fixtures = await pushFixtures({ host: open.host })
    } finally {
      await open.stop()
    }
  })
  after(async () => {
    await Promise.all(clients.map((c) => c.close()))
    if (storageDir) await rm(storageDir, { recursive: true, force: true })
  })

  describe('htpasswd (Basic)', () => {
    let registry: RunningRegistry
    before(async () => {
      registry = await startRegistry({ storageDir, auth: { kind: 'htpasswd', users: USERS } })
    })
    after(async () => registry?.stop())

    it('asks an anonymous client to sign in (AUTH_REQUIRED naming the host)', async () => {
      const anonymous = client({ registry: registry.host })
      assert.equal(await anonymous.ping(), 'basic')
      const error = await rejectsWith(
        anonymous.getManifest('demo/app', 'v1'),
        'AUTH_REQUIRED',
        /requires you to sign in/,
      )
      assert.equal(error.detail?.host, registry.host)
    })

    it('reports a wrong password as AUTH_REQUIRED without revealing it', async () => {
      const wrong = client({
        registry: registry.host,
        credentials: fixed({ username: 'alice', password: 'nope-secret' }),
      })
      const error = await rejectsWith(
        wrong.getManifest('demo/app', 'v1'),
        'AUTH_REQUIRED',
        /did not accept/,
      )
      assert.match(error.message, /user alice from the test/)
      assert.doesNotMatch(JSON.stringify(error.toApiError()), /nope-secret/)
    })

    it('works with the right password: manifests, tags and catalog', async () => {
      const alice = client({
        registry: registry.host,
        credentials: fixed({ username: 'alice', password: USERS.alice }),
      })
      const fetched = await alice.getManifest(fixtures.plain.repository, fixtures.plain.tag)
      assert.equal(fetched.descriptor.digest, fixtures.plain.digest)
      assert.ok(
        (await alice.listTags(fixtures.plain.repository)).items.includes(fixtures.plain.tag),
      )
      assert.ok((await alice.listRepositories()).items.includes(fixtures.plain.repository))
    })
  })

  describe('token auth (x5c JWTs from our token server)', () => {
    let tokens: RunningTokenServer
    let registry: RunningRegistry
    before(async () => {
      tokens = await startTokenServer({
        users: USERS,
        anonymousPull: true,
        refreshTokens: { 'refresh-abc': 'alice' },
      })
      registry = await startRegistry({ storageDir, auth: tokens.registryAuth() })
    })
    after(async () => {
      await registry?.stop()
      await tokens?.stop()
    })

    it('fetches with credentials and reuses the token across calls', async () => {
      const alice = client({
        registry: registry.host,
        credentials: fixed({ username: 'alice', password: USERS.alice }),
      })
      assert.equal(await alice.ping(), 'bearer')
      tokens.requests.length = 0
      for (const image of [fixtures.plain, fixtures.plain, fixtures.plain]) {
        const fetched = await alice.getManifest(image.repository, image.digest)
        assert.equal(fetched.descriptor.digest, image.digest)
      }
      await alice.headManifest(fixtures.plain.repository, fixtures.plain.tag)
      await alice.listTags(fixtures.plain.repository)
      assert.equal(tokens.requests.length, 1, 'one token for repository:demo/app:pull')
      assert.deepEqual(tokens.requests[0]?.scopes, [`repository:${fixtures.plain.repository}:pull`])
      assert.equal(tokens.requests[0]?.user, 'alice')

      const page = await alice.listRepositories({ pageSize: 100 })
      assert.ok(page.items.includes(fixtures.deepPath.repository))
      assert.deepEqual(tokens.requests[1]?.scopes, ['registry:catalog:*'])
      await alice.getManifest(fixtures.deepPath.repository, fixtures.deepPath.tag)
      assert.equal(tokens.requests.length, 3, 'another repository needs its own token')
    })

    it('pulls anonymously when the token server allows it, but not the catalog', async () => {
      const anonymous = client({ registry: registry.host })
      const fetched = await anonymous.getManifest(
        fixtures.multiPlatform.repository,
        fixtures.multiPlatform.tag,
      )
      assert.equal(fetched.descriptor.digest, fixtures.multiPlatform.digest)
      const last = tokens.requests.at(-1)
      assert.equal(last?.user, undefined)
      assert.equal(last?.hadAuthorization, false)
      await rejectsWith(anonymous.listRepositories(), 'AUTH_REQUIRED', /requires you to sign in/)
    })

    it('rejects a wrong password at the token server with AUTH_REQUIRED', async () => {
      const wrong = client({
        registry: registry.host,
        credentials: fixed({ username: 'alice', password: 'bad' }),
      })
      await rejectsWith(
        wrong.getManifest('demo/app', 'v1'),
        'AUTH_REQUIRED',
        /rejected the credentials \(user alice/,
      )
    })

    it('exchanges an identity token (OAuth2 refresh grant) for an access token', async () => {
      const withIdentity = client({
        registry: registry.host,
        credentials: fixed({ identityToken: 'refresh-abc' }),
      })
      const fetched = await withIdentity.getManifest(
        fixtures.docker.repository,
        fixtures.docker.tag,
      )
      assert.equal(fetched.descriptor.digest, fixtures.docker.digest)
      const last = tokens.requests.at(-1)
      assert.equal(last?.method, 'POST')
      assert.equal(last?.user, 'alice')
    })

    it('retries once with a fresh token when a cached one is refused', async () => {
      const cache = new TokenCache()
      cache.set(
        {
          host: registry.host,
          realm: tokens.realm,
          service: tokens.service,
          scope: `repository:${fixtures.nested.repository}:pull`,
          identity: 'user:alice',
        },
        'not-a-valid-jwt',
        { expiresIn: 300 },
      )
      const alice = client({
        registry: registry.host,
        tokens: cache,
        credentials: fixed({ username: 'alice', password: USERS.alice }),
      })
      const before = tokens.requests.length
      const fetched = await alice.getManifest(fixtures.nested.repository, fixtures.nested.tag)
      assert.equal(fetched.descriptor.digest, fixtures.nested.digest)
      assert.equal(tokens.requests.length, before + 1)
    })

    it('sends an in-app registry token as it is, without asking the token server', async () => {
      const answer = await fetch(
        `${tokens.realm}?service=${tokens.service}&scope=repository:demo/app:pull`,
        {
          headers: {
            authorization: `Basic ${Buffer.from(`alice:${USERS.alice}`).toString('base64')}`,
          },
        },
      )
      const { token } = (await answer.json()) as { token: string }
      const before = tokens.requests.length
      const withToken = client({
        registry: registry.host,
        credentials: fixed({ registryToken: token }),
      })
      const fetched = await withToken.getManifest(fixtures.plain.repository, fixtures.plain.tag)
      assert.equal(fetched.descriptor.digest, fixtures.plain.digest)
      assert.equal(tokens.requests.length, before)
    })
  })

  describe('token auth without anonymous pulls, short-lived tokens', () => {
    let tokens: RunningTokenServer
    let registry: RunningRegistry
    before(async () => {
      tokens = await startTokenServer({ users: USERS, expiresInSeconds: 1, algorithm: 'RS256' })
      registry = await startRegistry({ storageDir, auth: tokens.registryAuth() })
    })
    after(async () => {
      await registry?.stop()
      await tokens?.stop()
    })

    it('asks an anonymous client to sign in', async () => {
      await rejectsWith(
        client({ registry: registry.host }).getManifest('demo/app', 'v1'),
        'AUTH_REQUIRED',
      )
    })

    it('fetches a new token once the old one expired (RS256 this time)', async () => {
      const alice = client({
        registry: registry.host,
        credentials: fixed({ username: 'alice', password: USERS.alice }),
      })
      await alice.getManifest(fixtures.plain.repository, fixtures.plain.tag)
      await alice.getManifest(fixtures.plain.repository, fixtures.plain.tag)
      const first = tokens.requests.length
      await new Promise((resolve) => setTimeout(resolve, 1100))
      await alice.getManifest(fixtures.plain.repository, fixtures.plain.tag)
      assert.equal(tokens.requests.length, first + 1)
    })
  })
})
