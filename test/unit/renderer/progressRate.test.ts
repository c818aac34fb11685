import assert from 'node:assert/strict'
import { test } from 'node:test'
import {
  addSample,
  formatDuration,
  rateOf,
  RATE_WINDOW_MS,
  secondsLeft,
  type ProgressSample,
} from '../../../renderer/api/progressRate'

function feed(points: readonly [number, number][]): readonly ProgressSample[] {
  let samples: readonly ProgressSample[] = []
  for (const [at, done] of points) samples = addSample(samples, { at, done })
  return samples
}

test('rate is bytes per second over recent samples, none until there is history', () => {
  assert.equal(rateOf([]), undefined)
  assert.equal(rateOf(feed([[0, 0]])), undefined)
  assert.equal(
    rateOf(
      feed([
        [0, 0],
        [100, 500],
      ]),
    ),
    undefined,
    'too short to say',
  )
  assert.equal(
    rateOf(
      feed([
        [0, 0],
        [500, 1000],
        [1000, 2000],
      ]),
    ),
    2000,
  )
})

test('old samples leave the window, so the rate follows speed changes', () => {
  const points: [number, number][] = []
  // 10 s at 1000 B/s, then 10 s at 5000 B/s.
  for (let t = 0; t <= 10_000; t += 500) points.push([t, t])
  for (let t = 10_500; t <= 20_000; t += 500) points.push([t, 10_000 + (t - 10_000) * 5])
  const samples = feed(points)
  const first = samples[0]
  assert.ok(first && first.at >= 20_000 - RATE_WINDOW_MS - 500)
  assert.equal(rateOf(samples), 5000)
})

test('a counter that restarts starts measuring again', () => {
  const samples = feed([
    [0, 0],
    [1000, 5000],
    [2000, 100],
  ])
  assert.equal(samples.length, 1)
  assert.equal(rateOf(samples), undefined)
})

test('time left and its wording', () => {
  assert.equal(secondsLeft(500, 1500, 100), 10)
  assert.equal(secondsLeft(500, undefined, 100), undefined)
  assert.equal(secondsLeft(500, 1500, undefined), undefined)
  assert.equal(secondsLeft(2000, 1500, 100), 0)
  assert.equal(formatDuration(4.2), '5 s')
  assert.equal(formatDuration(125), '2 min 05 s')
  assert.equal(formatDuration(3 * 3600 + 65), '3 h 01 min')
})
