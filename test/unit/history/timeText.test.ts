import assert from 'node:assert/strict'
import { test } from 'node:test'
import {
  axisTickText,
  instantPair,
  instantText,
  spanText,
} from '../../../renderer/features/history/timeText'

const at = new Date('2026-11-25T17:25:03.120Z')
const MINUTE = 60_000
const DAY = 24 * 60 * MINUTE

test('axis ticks are UTC, 24-hour, at the precision the span needs, in the language shown', () => {
  assert.equal(axisTickText(at, 2 * MINUTE, 'en'), '17:25:03')
  assert.equal(axisTickText(at, 60 * MINUTE, 'en'), '17:25')
  assert.equal(axisTickText(at, 10 * DAY, 'en'), 'Nov 25, 17:25')
  assert.equal(axisTickText(at, 400 * DAY, 'en'), 'Nov 25, 2026')
  assert.equal(axisTickText(at, 10 * DAY, 'es'), '25 nov, 17:25')
  assert.equal(axisTickText(at, 400 * DAY, 'es'), '25 nov 2026')
  assert.equal(axisTickText(new Date('2026-11-25T05:00:00Z'), 60 * MINUTE, 'en'), '05:00')
  assert.equal(axisTickText(new Date('2026-11-25T23:59:00Z'), 60 * MINUTE, 'es'), '23:59')
  // The moves list's words for the same instant start with the tick's day.
  assert.ok(instantText(at.toISOString(), 'en').startsWith('Nov 25, 2026, 17:25'))
})

test('a move within one minute shows seconds; within one second, milliseconds', () => {
  assert.deepEqual(instantPair('2026-11-25T17:20:00Z', '2026-11-25T17:25:59Z', 'en'), [
    'Nov 25, 2026, 17:20 UTC',
    'Nov 25, 2026, 17:25 UTC',
  ])
  assert.deepEqual(instantPair('2026-11-25T17:25:03Z', '2026-11-25T17:25:41Z', 'en'), [
    'Nov 25, 2026, 17:25:03 UTC',
    'Nov 25, 2026, 17:25:41 UTC',
  ])
  assert.deepEqual(instantPair('2026-11-25T17:25:03.100Z', '2026-11-25T17:25:03.900Z', 'es'), [
    '25 nov 2026, 17:25:03,100 UTC',
    '25 nov 2026, 17:25:03,900 UTC',
  ])
  assert.deepEqual(instantPair('x', 'y', 'en'), ['x', 'y'])
  // A single sighting reads at the minute.
  assert.deepEqual(instantPair('2026-11-25T17:25:03Z', '2026-11-25T17:25:03Z', 'es'), [
    '25 nov 2026, 17:25 UTC',
    '25 nov 2026, 17:25 UTC',
  ])
})

test('how long a stretch lasted, in the language short units', () => {
  assert.equal(spanText('2026-11-25T17:00:00Z', '2026-11-25T17:03:00Z', 'en'), '3 min')
  assert.equal(spanText('2026-11-25T12:00:00Z', '2026-11-25T17:00:00Z', 'es'), '5 h')
  assert.equal(spanText('2026-11-20T17:00:00Z', '2026-11-25T17:00:00Z', 'en'), '5 days')
  assert.equal(spanText('2026-11-20T17:00:00Z', '2026-11-25T17:00:00Z', 'es'), '5 d')
})
