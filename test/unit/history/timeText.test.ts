import assert from 'node:assert/strict'
import { test } from 'node:test'
import { axisTickText, betweenText, instantPair } from '../../../renderer/features/history/timeText'
import { formatInstant } from '../../../renderer/components/timeFormat'

const at = new Date('2026-11-25T17:25:03.120Z')
const MINUTE = 60_000

test('axis ticks are UTC, 24-hour, the moves list clock, at the precision the span needs', () => {
  assert.equal(axisTickText(at, 2 * MINUTE), '17:25:03')
  assert.equal(axisTickText(at, 60 * MINUTE), '17:25')
  assert.equal(axisTickText(at, 10 * 24 * 60 * MINUTE), '2026-11-25 17:25')
  assert.equal(axisTickText(at, 400 * 24 * 60 * MINUTE), '2026-11-25')
  // The same words as the moves list prints ("2026-11-25 17:25 UTC").
  assert.ok(formatInstant(at.toISOString()).startsWith(axisTickText(at, 10 * 24 * 60 * MINUTE)))
  assert.equal(axisTickText(new Date('2026-11-25T05:00:00Z'), 60 * MINUTE), '05:00')
  assert.equal(axisTickText(new Date('2026-11-25T23:59:00Z'), 60 * MINUTE), '23:59')
})

test('a move within one minute shows seconds; within one second, milliseconds', () => {
  assert.equal(
    betweenText('2026-11-25T17:20:00Z', '2026-11-25T17:25:59Z'),
    'between 2026-11-25 17:20 UTC and 2026-11-25 17:25 UTC',
  )
  assert.equal(
    betweenText('2026-11-25T17:25:03Z', '2026-11-25T17:25:41Z'),
    'between 2026-11-25 17:25:03 UTC and 2026-11-25 17:25:41 UTC',
  )
  assert.equal(
    betweenText('2026-11-25T17:25:03.100Z', '2026-11-25T17:25:03.900Z'),
    'between 2026-11-25 17:25:03.100 UTC and 2026-11-25 17:25:03.900 UTC',
  )
  assert.equal(betweenText('x', 'y'), 'between x and y')
  // A single sighting reads at the minute.
  assert.deepEqual(instantPair('2026-11-25T17:25:03Z', '2026-11-25T17:25:03Z'), [
    '2026-11-25 17:25 UTC',
    '2026-11-25 17:25 UTC',
  ])
})
