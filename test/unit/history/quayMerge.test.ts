// QuayMergePolicy: when quay.io does not answer in time, the timeline is told so as a code with
// the seconds waited (the renderer words it), and a failure carries its ApiError, not a sentence.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { StrataError } from '../../../shared/errors'
import { QuayMergePolicy } from '../../../electron/history/quayMerge'

test('quay.io not answering in time is a timeout problem with its seconds', async () => {
  const policy = new QuayMergePolicy(
    (_registry, _repository, { signal }) =>
      new Promise((_resolve, reject) => {
        // AbortSignal.timeout does not hold the event loop open; this stand-in for a silent
        // server does, until the policy gives up on it.
        const silent = setTimeout(() => reject(new Error('the policy never gave up')), 20_000)
        signal.addEventListener('abort', () => {
          clearTimeout(silent)
          reject(new Error('aborted'))
        })
      }),
    { fetchTimeoutMs: 1000 },
  )
  const outcome = await policy.mergeFor('quay.io', 'ns/slow')
  assert.deepEqual(outcome, { merged: false, problem: { kind: 'timeout', seconds: 1 } })
})

test('quay.io failing is a failed problem carrying the ApiError', async () => {
  const policy = new QuayMergePolicy(() =>
    Promise.reject(
      new StrataError('RATE_LIMITED', 'quay.io is rate limiting', { host: 'quay.io' }),
    ),
  )
  const outcome = await policy.mergeFor('quay.io', 'ns/busy')
  assert.equal(outcome?.merged, false)
  assert.ok(outcome.problem?.kind === 'failed', JSON.stringify(outcome))
  assert.equal(outcome.problem.error.code, 'RATE_LIMITED')
  assert.equal(outcome.problem.error.detail?.host, 'quay.io')
})
