import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { parseQuayTagPage, quayObservations } from '../../../electron/history/quayTagHistory'

const OLD = `sha256:${'1'.repeat(64)}`
const NEW = `sha256:${'2'.repeat(64)}`

// The shape Quay documents for GET /api/v1/repository/{repository}/tag/?onlyActiveTags=false.
const FIXTURE = {
  tags: [
    {
      name: 'latest',
      reversion: false,
      start_ts: 1_700_000_500,
      manifest_digest: NEW,
      is_manifest_list: false,
      size: 2_811_478,
      last_modified: 'Tue, 14 Nov 2023 22:21:40 -0000',
    },
    {
      name: 'latest',
      reversion: false,
      start_ts: 1_700_000_000,
      end_ts: 1_700_000_500,
      manifest_digest: OLD,
      is_manifest_list: true,
      size: 2_800_000,
      last_modified: 'Tue, 14 Nov 2023 22:13:20 -0000',
      expiration: 'Tue, 14 Nov 2023 22:21:40 -0000',
    },
    { name: 'broken', start_ts: 1_700_000_000, manifest_digest: 'not-a-digest' },
    { name: 'no-start', manifest_digest: OLD },
  ],
  page: 1,
  has_additional: true,
}

describe('Quay tag history', () => {
  it('parses periods, dropping entries without a digest or a start', () => {
    const page = parseQuayTagPage(FIXTURE)
    assert.equal(page.hasAdditional, true)
    assert.equal(page.page, 1)
    assert.deepEqual(page.periods, [
      { name: 'latest', manifestDigest: NEW, startMs: 1_700_000_500_000 },
      { name: 'latest', manifestDigest: OLD, startMs: 1_700_000_000_000, endMs: 1_700_000_500_000 },
    ])
  })

  it('turns periods into observations that the successor wins at the boundary', () => {
    const observations = quayObservations('quay.io', 'ns/app', parseQuayTagPage(FIXTURE).periods)
    assert.deepEqual(
      observations.map((o) => [o.digest, o.seenAt, o.source]),
      [
        [OLD, '2023-11-14T22:13:20.000Z', 'quay'],
        [OLD, '2023-11-14T22:21:39.999Z', 'quay'],
        [NEW, '2023-11-14T22:21:40.000Z', 'quay'],
      ],
    )
  })

  it('refuses a body without a tags list', () => {
    assert.throws(() => parseQuayTagPage({ error: 'nope' }), { code: 'MALFORMED' })
  })
})
