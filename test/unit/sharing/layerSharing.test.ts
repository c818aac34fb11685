import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { computeSharing } from '../../../electron/sharing/layerSharing'

const d = (c: string): string => `sha256:${c.repeat(64)}`
const GZ = 'application/vnd.oci.image.layer.v1.tar+gzip'
const layer = (c: string, size: number): { digest: string; size: number; mediaType: string } => ({
  digest: d(c),
  size,
  mediaType: GZ,
})

describe('layer sharing', () => {
  it('computes the matrix, per-layer users and stored-once vs unshared bytes exactly', () => {
    const report = computeSharing([
      { label: 'a', layers: [layer('1', 1000), layer('2', 20)] },
      { label: 'b', layers: [layer('1', 1000), layer('3', 300)] },
      { label: 'c', layers: [layer('1', 1000), layer('3', 300), layer('4', 4)] },
    ])
    assert.equal(report.storedOnceBytes, 1000 + 20 + 300 + 4)
    assert.equal(report.unsharedBytes, 1020 + 1300 + 1304)
    assert.equal(report.savedBytes, 2300)
    assert.deepEqual(
      report.layers.map((l) => [l.digest, l.usedBy]),
      [
        [d('1'), [0, 1, 2]],
        [d('3'), [1, 2]],
        [d('2'), [0]],
        [d('4'), [2]],
      ],
    )
    assert.deepEqual(report.matrix[0], [
      { layers: 2, bytes: 1020 },
      { layers: 1, bytes: 1000 },
      { layers: 1, bytes: 1000 },
    ])
    assert.deepEqual(report.matrix[1]?.[2], { layers: 2, bytes: 1300 })
    assert.deepEqual(
      report.images.map((i) => [i.label, i.layerBytes, i.exclusiveBytes]),
      [
        ['a', 1020, 20],
        ['b', 1300, 0],
        ['c', 1304, 4],
      ],
    )
  })

  it('counts a layer listed twice in one image once for that image', () => {
    const report = computeSharing([{ label: 'x', layers: [layer('1', 7), layer('1', 7)] }])
    assert.equal(report.images[0]?.layerCount, 2)
    assert.equal(report.unsharedBytes, 7)
    assert.equal(report.storedOnceBytes, 7)
  })

  it('refuses a digest listed with two sizes and a negative size', () => {
    assert.throws(
      () =>
        computeSharing([
          { label: 'a', layers: [layer('1', 5)] },
          { label: 'b', layers: [layer('1', 6)] },
        ]),
      { code: 'MALFORMED' },
    )
    assert.throws(() => computeSharing([{ label: 'a', layers: [layer('1', -1)] }]), {
      code: 'MALFORMED',
    })
  })

  it('handles an empty set', () => {
    const report = computeSharing([])
    assert.deepEqual(report, {
      images: [],
      layers: [],
      matrix: [],
      storedOnceBytes: 0,
      unsharedBytes: 0,
      savedBytes: 0,
    })
  })
})
