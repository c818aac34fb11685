import { test } from 'node:test'
import assert from 'node:assert/strict'
import {
  clampDetailsWidth,
  MIN_DETAILS_WIDTH,
  MIN_GRAPH_WIDTH,
  parseStoredWidth,
} from '../../../renderer/features/image/detailsWidth'

test('a stored width is read back only when it is a sane number of pixels', () => {
  assert.equal(parseStoredWidth('420'), 420)
  assert.equal(parseStoredWidth(null), undefined)
  assert.equal(parseStoredWidth('wide'), undefined)
  assert.equal(parseStoredWidth('-400'), undefined)
  assert.equal(parseStoredWidth('12'), undefined)
  assert.equal(parseStoredWidth('99999'), undefined)
  assert.equal(parseStoredWidth(String(MIN_DETAILS_WIDTH - 1)), undefined)
})

test('the panel never leaves the graph less than its share, nor shrinks below its minimum', () => {
  assert.equal(clampDetailsWidth(400, 1200), 400)
  assert.equal(clampDetailsWidth(2000, 1200), 1200 - MIN_GRAPH_WIDTH)
  assert.equal(clampDetailsWidth(100, 1200), MIN_DETAILS_WIDTH)
  // A row too narrow for both: the panel keeps its minimum.
  assert.equal(clampDetailsWidth(500, 500), MIN_DETAILS_WIDTH)
})
