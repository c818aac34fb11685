import { test } from 'node:test'
import assert from 'node:assert/strict'
import {
  densityFor,
  FIT_INSETS,
  fitLayouts,
  fitTransform,
  MAX_FIT_SCALE,
  MIN_READABLE_SCALE,
  MIN_TEXT_PX,
  revealTransform,
  SMALLEST_CARD_FONT_PX,
  type Size,
  type ViewTransform,
} from '../../../renderer/features/image/viewFit'

const view = { width: 1100, height: 780 }

/** The fitted graph's box on screen lies inside the view, insets kept. */
function assertInside(graph: Size, area: Size, t: ViewTransform): void {
  const eps = 1e-6
  assert.ok(t.x >= FIT_INSETS.left - eps, `left ${t.x}`)
  assert.ok(t.y >= FIT_INSETS.top - eps, `top ${t.y}`)
  assert.ok(t.x + graph.width * t.k <= area.width - FIT_INSETS.right + eps, 'right')
  assert.ok(t.y + graph.height * t.k <= area.height - FIT_INSETS.bottom + eps, 'bottom')
}

test('the readable scale keeps the smallest card text at 11 px or more', () => {
  assert.equal(MIN_TEXT_PX, 11)
  assert.ok(SMALLEST_CARD_FONT_PX * MIN_READABLE_SCALE >= 11 - 1e-9)
})

test('a small graph is fitted whole and centred, but not blown up past the maximum', () => {
  const t = fitTransform({ width: 500, height: 300 }, view)
  assert.equal(t.k, MAX_FIT_SCALE)
  const room = view.width - FIT_INSETS.left - FIT_INSETS.right
  assert.ok(Math.abs(t.x - (FIT_INSETS.left + (room - 500 * t.k) / 2)) < 1e-9)
  assertInside({ width: 500, height: 300 }, view, t)
})

test('fit has no floor: any graph in any window down to 1024×700 is shown whole', () => {
  const graphs = [
    { width: 900, height: 3000 },
    { width: 6000, height: 400 },
    { width: 1150, height: 760 },
    { width: 40_000, height: 40_000 },
  ]
  // Graph areas left at 1024×700 and 1440×900 with the sidebar and the details panel open.
  const areas = [
    { width: 470, height: 520 },
    { width: 760, height: 560 },
    { width: 1100, height: 780 },
  ]
  for (const graph of graphs) {
    for (const area of areas) {
      const t = fitTransform(graph, area)
      assert.ok(t.k > 0)
      assertInside(graph, area, t)
    }
  }
})

test('full cards while their smallest text stays readable, compact cards below that', () => {
  const fits = { width: 1000, height: 700 }
  assert.equal(densityFor(fits, view), 'full')
  const tall = { width: 900, height: 3000 }
  assert.equal(densityFor(tall, view), 'compact')
  // Exactly at the readable scale is still full.
  const room = view.height - FIT_INSETS.top - FIT_INSETS.bottom
  assert.equal(densityFor({ width: 100, height: room / MIN_READABLE_SCALE }, view), 'full')
  assert.equal(densityFor({ width: 100, height: room / MIN_READABLE_SCALE + 5 }, view), 'compact')
})

test('fitLayouts fits the layout of the density it picks', () => {
  const layouts = { full: { width: 900, height: 3000 }, compact: { width: 700, height: 1300 } }
  const fitted = fitLayouts(layouts, view)
  assert.equal(fitted.density, 'compact')
  assert.deepEqual(fitted.transform, fitTransform(layouts.compact, view))
  assertInside(layouts.compact, view, fitted.transform)
  const small = fitLayouts({ full: { width: 600, height: 400 }, compact: layouts.compact }, view)
  assert.equal(small.density, 'full')
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
