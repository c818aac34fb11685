import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import type { TagObservation } from '../../../shared/api/history'
import { TagWatcher } from '../../../electron/history/tagWatcher'
import type { WatchTarget, WatchTimers } from '../../../electron/history/tagWatcher'

/** Timers the test fires by hand. */
class ManualTimers implements WatchTimers {
  private next = 1
  readonly pending = new Map<number, { callback: () => void; ms: number }>()
  setTimeout(callback: () => void, ms: number): unknown {
    const id = this.next++
    this.pending.set(id, { callback, ms })
    return id
  }
  clearTimeout(handle: unknown): void {
    this.pending.delete(handle as number)
  }
  fireAll(): number[] {
    const due = [...this.pending.entries()]
    this.pending.clear()
    for (const [, timer] of due) timer.callback()
    return due.map(([, t]) => t.ms)
  }
}

const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))
const target: WatchTarget = { registry: '127.0.0.1:5000', repository: 'demo/app' }
const observation: TagObservation = {
  ...target,
  tag: 'v1',
  digest: `sha256:${'c'.repeat(64)}`,
  seenAt: '2026-01-01T00:00:00.000Z',
  source: 'watch',
}

describe('tag watcher', () => {
  it('checks at once, then each interval after the check finished, and stops cleanly', async () => {
    const timers = new ManualTimers()
    const recorded: (readonly TagObservation[])[] = []
    let checks = 0
    const watcher = new TagWatcher({
      intervalMs: 60_000,
      timers,
      check: () => {
        checks += 1
        return Promise.resolve([observation])
      },
      record: (batch) => {
        recorded.push(batch)
        return Promise.resolve()
      },
    })
    watcher.watch(target)
    watcher.watch(target) // twice is once
    assert.deepEqual(timers.fireAll(), [0])
    await settle()
    assert.equal(checks, 1)
    assert.deepEqual(recorded, [[observation]])
    assert.deepEqual(timers.fireAll(), [60_000])
    await settle()
    assert.equal(checks, 2)
    await watcher.stop()
    assert.equal(timers.pending.size, 0)
    assert.deepEqual(watcher.targets(), [])
  })

  it('reports a failed check and tries again next interval; stop aborts a check in flight', async () => {
    const timers = new ManualTimers()
    const errors: unknown[] = []
    let aborted = false
    let attempt = 0
    const watcher = new TagWatcher({
      intervalMs: 1000,
      timers,
      check: (_target, signal) => {
        attempt += 1
        if (attempt === 1) return Promise.reject(new Error('registry down'))
        return new Promise((_resolve, reject) => {
          signal.addEventListener('abort', () => {
            aborted = true
            reject(new Error('aborted'))
          })
        })
      },
      record: () => Promise.resolve(),
      onError: (_t, error) => errors.push(error),
    })
    watcher.watch(target)
    timers.fireAll()
    await settle()
    assert.equal(errors.length, 1)
    assert.deepEqual(timers.fireAll(), [1000])
    await settle()
    await watcher.stop()
    assert.equal(aborted, true)
    assert.equal(errors.length, 1, 'an abort on stop is not an error')
    assert.equal(timers.pending.size, 0, 'no timer re-armed after stop')
  })
})
