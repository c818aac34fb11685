import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { pageLocally } from '../../../electron/registry/pagination'

const path = '/v2/demo/many/tags/list'
const url = (query: string): URL => new URL(`http://127.0.0.1:5000${path}?${query}`)
const tags = Array.from({ length: 12 }, (_, i) => `t${String(i).padStart(2, '0')}`).reverse()

describe('pageLocally (registries that ignore n and last)', () => {
  it('leaves pages alone when the registry honoured n', () => {
    assert.equal(pageLocally(tags.slice(0, 5), url('n=5'), path), undefined)
    assert.equal(pageLocally(tags, url('last=t03'), path), undefined)
  })

  it('sorts, pages n at a time and hands out a spec-shaped cursor', () => {
    const first = pageLocally(tags, url('n=5'), path)
    assert.deepEqual(first, {
      items: ['t00', 't01', 't02', 't03', 't04'],
      next: `${path}?n=5&last=t04`,
    })
    const second = pageLocally(tags, url('n=5&last=t04'), path)
    assert.deepEqual(second?.items, ['t05', 't06', 't07', 't08', 't09'])
    const third = pageLocally(tags, url('n=5&last=t09'), path)
    assert.deepEqual(third, { items: ['t10', 't11'] })
  })

  it('drops duplicates and escapes the cursor', () => {
    const page = pageLocally(['b', 'a', 'a', 'c+d', 'c'], url('n=2'), path)
    assert.deepEqual(page, { items: ['a', 'b'], next: `${path}?n=2&last=b` })
    const odd = pageLocally(['x y', 'x+y', 'z'], url('n=1'), path)
    assert.equal(odd?.next, `${path}?n=1&last=x%20y`)
  })
})
