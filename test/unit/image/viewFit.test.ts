import { test } from 'node:test'
import assert from 'node:assert/strict'
import {
  FIT_INSETS,
  fitTransform,
  MAX_FIT_SCALE,
  MIN_READABLE_SCALE,
  MIN_TEXT_PX,
  revealTransform,
  SMALLEST_CARD_FONT_PX,
  type ViewTransform,
} from '../../../renderer/features/image/viewFit'

const view = { width: 1100, height: 780 }

test('the readable scale keeps the smallest card text at 11 px or more', () => {
  assert.equal(MIN_TEXT_PX, 11)
  assert.ok(SMALLEST_CARD_FONT_PX * MIN_READABLE_SCALE >= 11 - 1e-9)
})

test('a small graph is fitted whole and centred, but not blown up past the maximum', () => {
  const t = fitTransform({ width: 500, height: 300 }, view, undefined)
  assert.equal(t.k, MAX_FIT_SCALE)
  const room = view.width - FIT_INSETS.left - FIT_INSETS.right
  assert.ok(Math.abs(t.x - (FIT_INSETS.left + (room - 500 * t.k) / 2)) < 1e-9)
  assert.ok(t.y >= FIT_INSETS.top && t.y + 300 * t.k <= view.height - FIT_INSETS.bottom)
})

test('a graph that fits at a readable scale is shown whole', () => {
  const graph = { width: 1150, height: 760 }
  const t = fitTransform(graph, view, undefined)
  assert.ok(t.k >= MIN_READABLE_SCALE && t.k < 1)
  assert.ok(t.x >= 0 && t.x + graph.width * t.k <= view.width)
  assert.ok(t.y >= 0 && t.y + graph.height * t.k <= view.height)
})

test('a large graph stops at the readable scale and opens on the root neighbourhood', () => {
  const graph = { width: 900, height: 3000 }
  const focus = { x: 0, y: 1200, width: 560, height: 400 }
  const t = fitTransform(graph, view, focus)
  assert.equal(t.k, MIN_READABLE_SCALE)
  // The focus is centred vertically and wholly visible.
  const top = t.y + focus.y * t.k
  const bottom = t.y + (focus.y + focus.height) * t.k
  assert.ok(top >= 0 && bottom <= view.height)
  const middle = (FIT_INSETS.top + view.height - FIT_INSETS.bottom) / 2
  assert.ok(Math.abs((top + bottom) / 2 - middle) < 1)
})

test('near an end of a large graph, no empty margin is left beside it', () => {
  const graph = { width: 900, height: 3000 }
  const t = fitTransform(graph, view, { x: 0, y: 0, width: 300, height: 100 })
  assert.equal(t.y, FIT_INSETS.top)
  const end = fitTransform(graph, view, { x: 0, y: 2900, width: 300, height: 100 })
  assert.ok(Math.abs(end.y + graph.height * end.k - (view.height - FIT_INSETS.bottom)) < 1e-9)
})

test('a focus taller than the window opens at the top of the graph', () => {
  const graph = { width: 900, height: 3000 }
  const focus = { x: 0, y: 500, width: 300, height: 1500 }
  const t = fitTransform(graph, view, focus)
  assert.equal(t.y, FIT_INSETS.top)
})

test('reveal pans the least distance, and not at all when the node is visible', () => {
  const t: ViewTransform = { k: 1, x: 0, y: 0 }
  const box = { x: 100, y: 100, width: 200, height: 100 }
  assert.equal(revealTransform(t, box, view), undefined)
  const below = revealTransform(t, { ...box, y: 1000 }, view, 24)
  assert.deepEqual(below, { k: 1, x: 0, y: view.height - 24 - 1100 })
  const left = revealTransform({ k: 2, x: 0, y: 0 }, { ...box, x: -300 }, view, 24)
  assert.deepEqual(left, { k: 2, x: 24 + 600, y: 0 })
})
