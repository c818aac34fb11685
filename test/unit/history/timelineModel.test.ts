import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { RepositoryTimeline, TagMove } from '../../../shared/api/history'
import {
  buildTimeline,
  digestColours,
  laneOrder,
  MIN_SEGMENT_WIDTH,
  timeDomain,
} from '../../../renderer/features/history/timelineModel'
import { formatDay, formatInstant, formatSpan } from '../../../renderer/components/timeFormat'

const A = `sha256:${'a'.repeat(64)}`
const B = `sha256:${'b'.repeat(64)}`
const C = `sha256:${'c'.repeat(64)}`

const timeline: RepositoryTimeline & { moves: TagMove[] } = {
  registry: '127.0.0.1:5000',
  repository: 'demo/app',
  tags: [
    {
      tag: 'latest',
      segments: [
        { digest: A, from: '2026-11-01T00:00:00Z', to: '2026-11-05T00:00:00Z', observations: 4 },
        { digest: B, from: '2026-11-06T00:00:00Z', to: '2026-11-10T00:00:00Z', observations: 3 },
      ],
    },
    {
      tag: 'v1',
      segments: [
        { digest: A, from: '2026-11-02T00:00:00Z', to: '2026-11-10T00:00:00Z', observations: 6 },
      ],
    },
    {
      tag: 'v2',
      segments: [
        { digest: C, from: '2026-11-09T00:00:00Z', to: '2026-11-09T00:00:00Z', observations: 1 },
      ],
    },
  ],
  moves: [
    {
      tag: 'latest',
      fromDigest: A,
      toDigest: B,
      at: '2026-11-06T00:00:00Z',
      lastSeenBefore: '2026-11-05T00:00:00Z',
    },
  ],
}

const layout = { width: 1000, labelWidth: 150, laneHeight: 30, axisHeight: 28 }

test('a digest keeps one colour in every lane, numbered by first sighting', () => {
  const colours = digestColours(timeline)
  assert.equal(colours.get(A), 0)
  assert.equal(colours.get(B), 1)
  assert.equal(colours.get(C), 2)
  const model = buildTimeline(timeline, layout)
  const coloursOfA = new Set(model.segments.filter((s) => s.digest === A).map((s) => s.colour))
  assert.deepEqual([...coloursOfA], [0])
})

test('lanes: one per tag, the focused tag first', () => {
  assert.deepEqual(laneOrder(timeline), ['latest', 'v1', 'v2'])
  assert.deepEqual(laneOrder(timeline, 'v2'), ['v2', 'latest', 'v1'])
  assert.deepEqual(laneOrder(timeline, 'nope'), ['latest', 'v1', 'v2'])
  const model = buildTimeline(timeline, layout, 'v1')
  assert.equal(model.segments.find((s) => s.tag === 'v1')?.lane, 0)
  assert.equal(model.height, 28 + 3 * 30 + 8)
})

test('x follows time; later segments are to the right, inside the drawing', () => {
  const model = buildTimeline(timeline, layout)
  const [first, second] = model.segments.filter((s) => s.tag === 'latest')
  assert.ok(first && second)
  assert.ok(first.x >= layout.labelWidth)
  assert.ok(first.x + first.width < second.x, 'the gap between sightings stays visible')
  assert.ok(second.x + second.width <= layout.width)
  // A single sighting still gets a bar one can hover, centred on its instant.
  const single = model.segments.find((s) => s.tag === 'v2')
  assert.ok(single)
  assert.equal(single.width, MIN_SEGMENT_WIDTH)
  const at = model.scale(new Date('2026-11-09T00:00:00Z'))
  assert.ok(Math.abs(single.x + single.width / 2 - at) < 1e-9)
})

test('a move sits on its lane between the last old and first new sighting', () => {
  const model = buildTimeline(timeline, layout)
  const [move] = model.moves
  assert.ok(move)
  assert.equal(move.lane, 0)
  assert.ok(move.xBefore < move.x)
  const [first, second] = model.segments.filter((s) => s.tag === 'latest')
  assert.ok(first && second)
  assert.ok(Math.abs(move.x - second.x) < 1e-9)
  assert.ok(Math.abs(move.xBefore - (first.x + first.width)) < 1e-9)
})

test('the time domain pads the sightings; one instant gets a minute either side', () => {
  const [from, to] = timeDomain(timeline)
  assert.ok(from.getTime() < Date.parse('2026-11-01T00:00:00Z'))
  assert.ok(to.getTime() > Date.parse('2026-11-10T00:00:00Z'))
  const one = { ...timeline, tags: timeline.tags.slice(2) }
  const [a, b] = timeDomain(one)
  assert.equal(b.getTime() - a.getTime(), 2 * 60_000)
  const empty = { ...timeline, tags: [] }
  const [c, d] = timeDomain(empty, 1_000_000_000)
  assert.equal(d.getTime() - c.getTime(), 2 * 60_000)
  // Two sightings 1.1 s apart: still two minutes around them, so ticks read differently.
  const close = {
    ...timeline,
    tags: [
      {
        tag: 'latest',
        segments: [
          {
            digest: A,
            from: '2026-11-01T10:00:00.000Z',
            to: '2026-11-01T10:00:00.000Z',
            observations: 1,
          },
          {
            digest: B,
            from: '2026-11-01T10:00:01.100Z',
            to: '2026-11-01T10:00:01.100Z',
            observations: 1,
          },
        ],
      },
    ],
  }
  const [e, f] = timeDomain(close)
  assert.equal(f.getTime() - e.getTime(), 2 * 60_000)
  assert.ok(e.getTime() < Date.parse('2026-11-01T10:00:00Z'))
  assert.ok(f.getTime() > Date.parse('2026-11-01T10:00:01.100Z'))
})

test('times print in UTC to the minute, spans in words', () => {
  assert.equal(formatInstant('2026-11-25T14:03:59.123Z'), '2026-11-25 14:03 UTC')
  assert.equal(formatDay('2026-11-25T23:59:00-02:00'), '2026-11-26')
  assert.equal(formatInstant('not a date'), 'not a date')
  assert.equal(formatSpan('2026-11-01T00:00:00Z', '2026-11-01T00:00:30Z'), '30 s')
  assert.equal(formatSpan('2026-11-01T00:00:00Z', '2026-11-01T01:30:00Z'), '90 min')
  assert.equal(formatSpan('2026-11-01T00:00:00Z', '2026-11-02T00:00:00Z'), '24 h')
  assert.equal(formatSpan('2026-11-01T00:00:00Z', '2026-11-08T00:00:00Z'), '7 d')
})
