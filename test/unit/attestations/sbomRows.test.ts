// The SBOM table's search and paging (renderer, pure): a search matches name, version,
// license or purl regardless of case; pages hold 100 rows and clamp to the pages there are.

import assert from 'node:assert/strict'
import { test } from 'node:test'
import {
  SBOM_PAGE_ROWS,
  filterPackages,
  pageOf,
} from '../../../renderer/features/attestations/sbomRows'

const packages = Array.from({ length: 250 }, (_, i) => ({
  name: `pkg-${i}`,
  version: `1.${i}`,
  ...(i % 2 === 0 ? { license: 'MIT' } : { license: 'GPL-2.0-only' }),
  purl: `pkg:deb/debian/pkg-${i}@1.${i}`,
}))

test('search matches any column, case-insensitively', () => {
  assert.deepEqual(
    filterPackages(packages, 'PKG-249').map((p) => p.name),
    ['pkg-249'],
  )
  assert.equal(filterPackages(packages, 'gpl').length, 125)
  assert.deepEqual(
    filterPackages(packages, 'debian/pkg-17@').map((p) => p.name),
    ['pkg-17'],
  )
  assert.equal(filterPackages(packages, '  ').length, 250)
  assert.equal(filterPackages(packages, 'nothing like this').length, 0)
})

test('pages hold 100 rows and clamp', () => {
  assert.equal(SBOM_PAGE_ROWS, 100)
  const last = pageOf(packages, 2)
  assert.deepEqual([last.page, last.pageCount, last.first, last.rows.length], [2, 3, 200, 50])
  assert.equal(pageOf(packages, 99).page, 2)
  assert.equal(pageOf(packages, -1).page, 0)
  assert.deepEqual(pageOf([], 0), { rows: [], page: 0, pageCount: 1, first: 0 })
})
