import { test } from 'node:test'
import assert from 'node:assert/strict'
import { createLimiter } from '../../../renderer/api/limiter'

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve = (): void => {}
  const promise = new Promise<void>((r) => (resolve = r))
  return { promise, resolve }
}

const tick = (): Promise<void> => new Promise((r) => setImmediate(r))

test('never more than the limit in flight, started in order', async () => {
  const limiter = createLimiter(6)
  const gates = Array.from({ length: 20 }, deferred)
  const started: number[] = []
  let inFlight = 0
  let peak = 0
  const runs = gates.map((gate, i) =>
    limiter.run(async () => {
      started.push(i)
      inFlight++
      peak = Math.max(peak, inFlight)
      await gate.promise
      inFlight--
      return i
    }),
  )
  await tick()
  assert.equal(limiter.active, 6)
  assert.equal(limiter.waiting, 14)
  for (const gate of gates) {
    gate.resolve()
    await tick()
  }
  assert.deepEqual(
    await Promise.all(runs),
    gates.map((_, i) => i),
  )
  assert.equal(peak, 6)
  assert.deepEqual(
    started,
    gates.map((_, i) => i),
  )
  assert.equal(limiter.active, 0)
})

test('a task aborted while waiting never starts and frees its place', async () => {
  const limiter = createLimiter(1)
  const gate = deferred()
  const ran: string[] = []
  const first = limiter.run(async () => {
    ran.push('first')
    await gate.promise
  })
  const controller = new AbortController()
  const second = limiter.run(() => {
    ran.push('second')
    return Promise.resolve()
  }, controller.signal)
  const third = limiter.run(() => {
    ran.push('third')
    return Promise.resolve()
  })
  controller.abort()
  await assert.rejects(second, { name: 'AbortError' })
  assert.equal(limiter.waiting, 1)
  gate.resolve()
  await first
  await third
  assert.deepEqual(ran, ['first', 'third'])
})

test('failures pass through and do not block the queue', async () => {
  const limiter = createLimiter(1)
  const failing = limiter.run(() => Promise.reject(new Error('registry said no')))
  const next = limiter.run(() => Promise.resolve('ok'))
  await assert.rejects(failing, /registry said no/)
  assert.equal(await next, 'ok')
  const aborted = new AbortController()
  aborted.abort()
  await assert.rejects(
    limiter.run(() => Promise.resolve(1), aborted.signal),
    { name: 'AbortError' },
  )
})
