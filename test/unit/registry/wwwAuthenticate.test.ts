import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import {
  bearerChallenge,
  hasBasicChallenge,
  parseWwwAuthenticate,
} from '../../../electron/registry/wwwAuthenticate'

describe('parseWwwAuthenticate', () => {
  it('reads a Bearer challenge as distribution sends it', () => {
    const header =
      'Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:library/alpine:pull"'
    const [challenge] = parseWwwAuthenticate(header)
    assert.deepEqual(challenge, {
      scheme: 'bearer',
      params: {
        realm: 'https://auth.docker.io/token',
        service: 'registry.docker.io',
        scope: 'repository:library/alpine:pull',
      },
    })
  })

  it('keeps commas and escaped quotes inside quoted values', () => {
    const header =
      'Bearer realm="http://127.0.0.1:9/token",scope="repository:a/b:pull,push repository:c:pull",error="say \\"no\\""'
    const bearer = bearerChallenge(parseWwwAuthenticate(header))
    assert.equal(bearer?.realm, 'http://127.0.0.1:9/token')
    assert.equal(bearer?.scope, 'repository:a/b:pull,push repository:c:pull')
    assert.equal(bearer?.error, 'say "no"')
    assert.equal(bearer?.service, undefined)
  })

  it('reads Basic with a realm, case-insensitively, with spaces around "="', () => {
    const challenges = parseWwwAuthenticate('BASIC Realm = "strata test"')
    assert.deepEqual(challenges, [{ scheme: 'basic', params: { realm: 'strata test' } }])
    assert.equal(hasBasicChallenge(challenges), true)
    assert.equal(bearerChallenge(challenges), undefined)
  })

  it('splits several challenges in one header, and across header lines', () => {
    const one = parseWwwAuthenticate('Basic realm="a, b", Bearer realm="https://r/t", service=svc')
    assert.deepEqual(
      one.map((c) => c.scheme),
      ['basic', 'bearer'],
    )
    assert.equal(one[0]?.params.realm, 'a, b')
    assert.equal(one[1]?.params.service, 'svc')
    const two = parseWwwAuthenticate(['Negotiate', 'Bearer realm="https://r/t"'])
    assert.deepEqual(
      two.map((c) => c.scheme),
      ['negotiate', 'bearer'],
    )
  })

  it('reads the RFC example with a token68-free custom scheme first', () => {
    const header = 'Newauth realm="apps", type=1, title="Login to \\"apps\\"", Basic realm="simple"'
    const challenges = parseWwwAuthenticate(header)
    assert.equal(challenges.length, 2)
    assert.deepEqual(challenges[0], {
      scheme: 'newauth',
      params: { realm: 'apps', type: '1', title: 'Login to "apps"' },
    })
    assert.deepEqual(challenges[1], { scheme: 'basic', params: { realm: 'simple' } })
  })

  it('reads a token68 body', () => {
    const [challenge] = parseWwwAuthenticate('Negotiate YWJjZA==')
    assert.equal(challenge?.scheme, 'negotiate')
    assert.equal(challenge?.token68, 'YWJjZA==')
  })

  it('ignores an empty header and tolerates an unterminated quote', () => {
    assert.deepEqual(parseWwwAuthenticate(''), [])
    assert.deepEqual(parseWwwAuthenticate(undefined), [])
    const [challenge] = parseWwwAuthenticate('Bearer realm="https://r/t')
    assert.equal(challenge?.params.realm, 'https://r/t')
  })

  it('finds no bearer challenge without a realm', () => {
    assert.equal(bearerChallenge(parseWwwAuthenticate('Bearer service="x"')), undefined)
  })
})
