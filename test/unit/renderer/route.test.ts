import { test } from 'node:test'
import assert from 'node:assert/strict'
import {
  isKnownView,
  parseRoute,
  routeToSearch,
  sameRoute,
  withoutNode,
  withStickyParams,
} from '../../../renderer/routing/route'

test('parseRoute reads ref, view, registry and node from the query string', () => {
  const route = parseRoute(
    '?token=T&ref=127.0.0.1%3A5000%2Fdemo%2Fapp%3Av1&view=graph&node=sha256%3Aab',
  )
  assert.deepEqual(route, { view: 'graph', ref: '127.0.0.1:5000/demo/app:v1', node: 'sha256:ab' })
})

test('parseRoute picks a default view: repositories for a registry alone, else graph', () => {
  assert.deepEqual(parseRoute(''), { view: 'graph' })
  assert.deepEqual(parseRoute('?registry=ghcr.io'), { view: 'repositories', registry: 'ghcr.io' })
  assert.deepEqual(parseRoute('?ref=alpine'), { view: 'graph', ref: 'alpine' })
  assert.deepEqual(parseRoute('?ref=%20%20&view=%20'), { view: 'graph' })
})

test('parseRoute keeps unknown views so the app can say so', () => {
  const route = parseRoute('?view=timeline&ref=alpine')
  assert.equal(route.view, 'timeline')
  assert.equal(isKnownView(route.view), false)
  assert.equal(isKnownView('tags'), true)
  assert.equal(isKnownView('repositories'), true)
})

test('routeToSearch keeps the token first and round-trips through parseRoute', () => {
  const routes = [
    { view: 'graph', ref: 'oci:/tmp/my layout:v1', node: 'sha256:' + 'a'.repeat(64) },
    { view: 'tags', ref: 'docker://localhost:5000/a/b/c/d' },
    { view: 'repositories', registry: '127.0.0.1:5000' },
    { view: 'graph', ref: 'ghcr.io/o/r@sha256:' + 'b'.repeat(64) },
    { view: 'files', ref: 'alpine', platform: 'linux/arm64/v8', layer: '2', path: '/etc' },
  ]
  for (const route of routes) {
    const search = routeToSearch(route, 'tok-1')
    assert.ok(search.startsWith('?token=tok-1&'), search)
    assert.deepEqual(parseRoute(search), route)
  }
  assert.equal(routeToSearch({ view: 'graph' }), '?view=graph')
})

test('the files view keeps its platform in the URL', () => {
  const search = routeToSearch({ view: 'files', ref: 'alpine', platform: 'linux/arm/v7' })
  assert.equal(search, '?ref=alpine&view=files&platform=linux%2Farm%2Fv7')
  assert.equal(parseRoute(search).platform, 'linux/arm/v7')
  assert.equal(parseRoute('?view=files&platform=%20').platform, undefined)
})

test('routeToSearch encodes references so they survive the URL', () => {
  const search = routeToSearch({ view: 'graph', ref: '127.0.0.1:5000/demo/app:v1' }, 'T')
  assert.equal(search, '?token=T&ref=127.0.0.1%3A5000%2Fdemo%2Fapp%3Av1&view=graph')
})

test('withoutNode drops only the selection; sameRoute compares every field', () => {
  const route = { view: 'graph', ref: 'alpine', node: 'sha256:x' }
  assert.deepEqual(withoutNode(route), { view: 'graph', ref: 'alpine' })
  assert.equal(sameRoute(route, { ...route }), true)
  assert.equal(sameRoute(route, withoutNode(route)), false)
})

test('the compare view keeps its Semantic switch in the URL, and a move elsewhere drops it', () => {
  const route = { view: 'compare', ref: 'alpine:3.19', with: ['alpine:3.20'], semantic: '1' }
  const search = routeToSearch(route)
  assert.equal(search, '?ref=alpine%3A3.19&view=compare&semantic=1&with=alpine%3A3.20')
  assert.deepEqual(parseRoute(search), route)
  assert.equal(parseRoute('?view=compare&semantic=%20').semantic, undefined)
  const moved = withStickyParams({ view: 'graph', ref: 'alpine:3.19' }, { ...route, lang: 'es' })
  assert.deepEqual(moved, { view: 'graph', ref: 'alpine:3.19', lang: 'es' })
})
