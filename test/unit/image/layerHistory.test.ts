import assert from 'node:assert/strict'
import { test } from 'node:test'
import { describeStep, stepsPerLayer } from '../../../electron/image/layerHistory'

test('empty-layer steps attach to the next layer that a step produced', () => {
  const steps = stepsPerLayer(
    [
      { created_by: '/bin/sh -c #(nop) ADD file:abc in / ' },
      { created_by: '/bin/sh -c #(nop) ENV A=1', empty_layer: true },
      { created_by: '/bin/sh -c apk add curl' },
      { created_by: 'CMD ["sh"]', empty_layer: true },
    ],
    2,
  )
  assert.deepEqual(steps, [['ADD file:abc in /'], ['ENV A=1', 'RUN apk add curl']])
})

test('missing history gives empty step lists, extra history is ignored', () => {
  assert.deepEqual(stepsPerLayer(undefined, 2), [[], []])
  assert.deepEqual(stepsPerLayer([{ created_by: 'a' }, { created_by: 'b' }], 1), [['a']])
})

test('describeStep prefers created_by, then comment', () => {
  assert.equal(describeStep({ created_by: 'COPY . /app # buildkit' }), 'COPY . /app # buildkit')
  assert.equal(describeStep({ comment: 'imported' }), 'imported')
  assert.equal(describeStep({}), '(no history text)')
})
