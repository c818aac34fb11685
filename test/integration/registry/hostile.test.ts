// Hardening against a hostile registry, through the real web-mode server in a child process
// (test/harness/webMode.ts). The registry (test/harness/hostileRegistry.ts) flips a byte in a
// layer, resets or closes the connection halfway through it, or drips a manifest or a layer
// one byte per second. Every such call must come back as an error envelope with a clear code,
// and the server must keep answering the next call. The child runs with short body deadlines
// (STRATA_BODY_DEADLINES, see electron/util/bodyDeadlines.ts) so the drips fail in seconds.

import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { WEB_API_PATH, WEB_TOKEN_HEADER } from '../../../shared/api'
import type { ApiResult } from '../../../shared/errors'
import { startHostileRegistry, type HostileRegistry } from '../../harness/hostileRegistry'
import { startWebMode, type RunningWebMode } from '../../harness/webMode'

// Documents: whole within 3 s, no gap over 2 s. Blobs: 16 KiB in every 1.5 s window.
const SHORT_DEADLINES = 'documentTotalMs=3000,documentIdleMs=2000,blobWindowMs=1500'

let registry: HostileRegistry
let web: RunningWebMode

before(async () => {
  registry = await startHostileRegistry()
  web = await startWebMode({ env: { STRATA_BODY_DEADLINES: SHORT_DEADLINES } })
})

after(async () => {
  await web?.stop()
  await registry?.close()
})

/** One api call as the page makes it; a dropped connection rejects. */
async function call(name: string, args: unknown): Promise<ApiResult<unknown>> {
  const response = await fetch(`${web.origin}${WEB_API_PATH}`, {
    method: 'POST',
    headers: { [WEB_TOKEN_HEADER]: web.token, 'content-type': 'application/json' },
    body: JSON.stringify({ name, args }),
  })
  assert.equal(response.status, 200, `${name} answered HTTP ${response.status}`)
  return (await response.json()) as ApiResult<unknown>
}

function indexLayer(mode: string): Promise<ApiResult<unknown>> {
  return call('layers:index', { ref: `${registry.host}/${mode}/app:v1`, layer: '1' })
}

function errorCode(result: ApiResult<unknown>): string {
  return result.ok ? 'ok' : result.error.code
}

async function assertStillServing(): Promise<void> {
  const info = await call('app:info', {})
  assert.equal(info.ok, true, 'the server answers the next call')
}

describe('a hostile registry cannot crash web mode', () => {
  it('serves the well-behaved image (the registry speaks enough of the API)', async () => {
    const result = await indexLayer('ok')
    assert.equal(result.ok, true, JSON.stringify(result))
  })

  const expected: Readonly<Record<string, readonly string[]>> = {
    badbytes: ['DIGEST_MISMATCH'],
    reset: ['NETWORK'],
    close: ['NETWORK', 'SIZE_MISMATCH'],
  }
  for (const [mode, codes] of Object.entries(expected)) {
    it(`a layer ${mode} mid-body, 12 times: each call fails cleanly, the server lives`, async () => {
      for (let attempt = 0; attempt < 12; attempt += 1) {
        const result = await indexLayer(mode)
        assert.ok(
          codes.includes(errorCode(result)),
          `attempt ${attempt}: ${JSON.stringify(result)}`,
        )
        await assertStillServing()
      }
      assert.equal(registry.layerRequests.get(mode), 12, 'every attempt reached the registry')
      assert.doesNotMatch(web.output(), /Unhandled 'error' event|uncaught exception/i)
    })
  }

  it('a manifest dripped one byte per second fails with TIMEOUT within its deadline', async () => {
    const started = Date.now()
    const result = await indexLayer('dripmanifest')
    const seconds = (Date.now() - started) / 1000
    assert.equal(errorCode(result), 'TIMEOUT', JSON.stringify(result))
    assert.ok(!result.ok && /manifest dripmanifest\/app/.test(result.error.message))
    assert.ok(!result.ok && result.error.detail?.host === registry.host)
    assert.ok(seconds < 10, `took ${seconds} s`)
    await assertStillServing()
  })

  it('a layer dripped one byte per second fails with TIMEOUT within its window', async () => {
    const started = Date.now()
    const result = await indexLayer('dripblob')
    const seconds = (Date.now() - started) / 1000
    assert.equal(errorCode(result), 'TIMEOUT', JSON.stringify(result))
    assert.ok(!result.ok && result.error.message.includes(registry.layerDigest('dripblob')))
    assert.ok(!result.ok && /too slowly/.test(result.error.message))
    assert.ok(seconds < 10, `took ${seconds} s`)
    await assertStillServing()
  })

  it('answers a 3 MB request body with 413, not a reset connection', async () => {
    const response = await fetch(`${web.origin}${WEB_API_PATH}`, {
      method: 'POST',
      headers: { [WEB_TOKEN_HEADER]: web.token, 'content-type': 'application/json' },
      body: Buffer.alloc(3 * 1024 * 1024, 0x20),
    })
    assert.equal(response.status, 413)
    const body = (await response.json()) as ApiResult<unknown>
    assert.equal(errorCode(body), 'TOO_LARGE')
    await assertStillServing()
  })
})
