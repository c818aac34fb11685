import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { nextPageLink, parseLinkHeader } from '../../../electron/registry/linkHeader'

const registry = 'http://127.0.0.1:5000'
const pageUrl = new URL(`${registry}/v2/_catalog?n=2`)

describe('parseLinkHeader', () => {
  it('reads the link distribution sends', () => {
    assert.deepEqual(parseLinkHeader('</v2/_catalog?last=b&n=2>; rel="next"'), [
      { target: '/v2/_catalog?last=b&n=2', params: { rel: 'next' } },
    ])
  })

  it('reads several links, unquoted values and commas inside quotes', () => {
    const links = parseLinkHeader(
      '<https://r.example/a?x=1,2>; rel=prev; title="a, b", </v2/_catalog?last=z>;rel="next"',
    )
    assert.equal(links.length, 2)
    assert.deepEqual(links[0], {
      target: 'https://r.example/a?x=1,2',
      params: { rel: 'prev', title: 'a, b' },
    })
    assert.equal(links[1]?.params.rel, 'next')
  })

  it('skips garbage', () => {
    assert.deepEqual(parseLinkHeader('garbage, <unterminated'), [])
    assert.deepEqual(parseLinkHeader(undefined), [])
  })
})

describe('nextPageLink', () => {
  it('resolves a relative next link against the page URL', () => {
    const next = nextPageLink(
      '</v2/_catalog?last=b&n=2>; rel="next"',
      pageUrl,
      registry,
      '/v2/_catalog',
    )
    assert.equal(next.kind, 'next')
    assert.equal(next.kind === 'next' ? next.url.href : '', `${registry}/v2/_catalog?last=b&n=2`)
  })

  it('accepts an absolute link on the same origin', () => {
    const next = nextPageLink(`<${registry}/v2/_catalog?last=c&n=2>; rel="next"`, pageUrl, registry)
    assert.equal(next.kind, 'next')
  })

  it('finds rel="next" among several rel values', () => {
    const next = nextPageLink('</v2/_catalog?last=b>; rel="prefetch next"', pageUrl, registry)
    assert.equal(next.kind, 'next')
  })

  it('refuses a link to another host, scheme or port and says why', () => {
    for (const target of [
      'https://127.0.0.1:5000/v2/_catalog?last=b',
      'http://evil.example/v2/_catalog?last=b',
      'http://127.0.0.1:5001/v2/_catalog?last=b',
      '//evil.example/v2/_catalog',
    ]) {
      const next = nextPageLink(`<${target}>; rel="next"`, pageUrl, registry)
      assert.equal(next.kind, 'refused', target)
      assert.match(next.kind === 'refused' ? next.reason : '', /not at the registry/)
    }
  })

  it('refuses a link to another endpoint or carrying credentials', () => {
    const other = nextPageLink(
      '</v2/other/tags/list?n=2>; rel="next"',
      pageUrl,
      registry,
      '/v2/_catalog',
    )
    assert.equal(other.kind, 'refused')
    const creds = nextPageLink(
      `<http://u:p@127.0.0.1:5000/v2/_catalog>; rel="next"`,
      pageUrl,
      registry,
    )
    assert.equal(creds.kind, 'refused')
  })

  it('says none without a next link', () => {
    assert.equal(nextPageLink(undefined, pageUrl, registry).kind, 'none')
    assert.equal(nextPageLink('</v2/_catalog?last=a>; rel="prev"', pageUrl, registry).kind, 'none')
  })
})
