import { test } from 'node:test'
import assert from 'node:assert/strict'
import { formatBytes, formatCount, platformString } from '../../../shared/format'

test('formatBytes uses 1024-based units', () => {
  const cases: [number, string][] = [
    [0, '0 B'],
    [1, '1 B'],
    [512, '512 B'],
    [1023, '1023 B'],
    [1024, '1 KiB'],
    [1536, '1.5 KiB'],
    [1.5 * 1024 * 1024, '1.5 MiB'],
    [10 * 1024 * 1024, '10 MiB'],
    [123.4 * 1024 * 1024, '123 MiB'],
    [1024 * 1024 - 1, '1 MiB'],
    [3 * 1024 ** 3, '3 GiB'],
    [2.25 * 1024 ** 4, '2.3 TiB'],
    [-2048, '-2 KiB'],
  ]
  for (const [n, expected] of cases) assert.equal(formatBytes(n), expected, `formatBytes(${n})`)
  assert.equal(formatBytes(Number.NaN), '? B')
})

test('platformString', () => {
  assert.equal(platformString({ os: 'linux', architecture: 'amd64' }), 'linux/amd64')
  assert.equal(platformString({ os: 'linux', architecture: 'arm', variant: 'v7' }), 'linux/arm/v7')
  assert.equal(
    platformString({ os: 'windows', architecture: 'amd64', 'os.version': '10.0.17763.1234' }),
    'windows/amd64 (10.0.17763.1234)',
  )
  assert.equal(platformString({ os: 'linux', architecture: 'arm64', variant: '' }), 'linux/arm64')
})

test('formatCount', () => {
  assert.equal(formatCount(0), '0')
  assert.equal(formatCount(999), '999')
  assert.equal(formatCount(1000), '1,000')
  assert.equal(formatCount(1234567), '1,234,567')
  assert.equal(formatCount(-12345), '-12,345')
})
