import assert from 'node:assert/strict'
import { test } from 'node:test'
import {
  languageFor,
  tokenizeLine,
  type Language,
  type Token,
} from '../../../renderer/features/files/highlight'

/** Tokens as "kind:text", spaces-only text tokens left out for readability. */
function kinds(line: string, language: Language): string[] {
  return tokenizeLine(line, language)
    .filter((t: Token) => !(t.kind === 'text' && t.text.trim() === ''))
    .map((t) => `${t.kind}:${t.text.trim()}`)
}

test('tokens always rebuild the line exactly', () => {
  const samples: [string, Language][] = [
    ['echo "Hello, ${1:-world}!" # greet', 'shell'],
    ['{"a": [1, -2.5e3, true, null], "b\\"c": "x"}', 'json'],
    ['PRETTY_NAME="Strata Sample Linux 1.0 (teaching image)"', 'ini'],
    ['  - name: web # the app', 'yaml'],
    ['unterminated "string', 'shell'],
    ['   ', 'yaml'],
    ['plain text', 'plain'],
  ]
  for (const [line, language] of samples) {
    assert.equal(
      tokenizeLine(line, language)
        .map((t) => t.text)
        .join(''),
      line,
    )
  }
  assert.deepEqual(tokenizeLine('', 'shell'), [])
})

test('shell: comments, strings, variables, keywords', () => {
  assert.deepEqual(kinds('#!/bin/sh', 'shell'), ['comment:#!/bin/sh'])
  assert.deepEqual(kinds('if [ -n "$X" ]; then echo \'hi\' # note', 'shell'), [
    'keyword:if',
    'text:[ -n',
    'string:"$X"',
    'text:]',
    'punct:;',
    'keyword:then',
    'text:echo',
    "string:'hi'",
    'comment:# note',
  ])
  assert.deepEqual(kinds('exec sleep ${DELAY}', 'shell'), [
    'keyword:exec',
    'text:sleep',
    'variable:${DELAY}',
  ])
  assert.deepEqual(kinds('a#b', 'shell'), ['text:a#b'], '# inside a word is not a comment')
  assert.deepEqual(kinds('define', 'shell'), ['text:define'], 'no keyword inside a word')
})

test('json: keys differ from string values', () => {
  assert.deepEqual(kinds('  "port": 8080,', 'json'), [
    'key:"port"',
    'punct::',
    'number:8080',
    'punct:,',
  ])
  assert.deepEqual(kinds('["a", false]', 'json'), [
    'punct:[',
    'string:"a"',
    'punct:,',
    'keyword:false',
    'punct:]',
  ])
})

test('ini and yaml', () => {
  assert.deepEqual(kinds('[server]', 'ini'), ['keyword:[server]'])
  assert.deepEqual(kinds('port = 8080', 'ini'), ['key:port', 'punct:=', 'number:8080'])
  assert.deepEqual(kinds('; comment', 'ini'), ['comment:; comment'])
  assert.deepEqual(kinds('ID=strata-sample', 'ini'), ['key:ID', 'punct:=', 'text:strata-sample'])
  assert.deepEqual(kinds('name: "web" # c', 'yaml'), [
    'key:name',
    'punct::',
    'string:"web"',
    'comment:# c',
  ])
  assert.deepEqual(kinds('- enabled: true', 'yaml'), [
    'punct:-',
    'key:enabled',
    'punct::',
    'keyword:true',
  ])
  assert.deepEqual(kinds('url: http://x:80/a', 'yaml'), [
    'key:url',
    'punct::',
    'text:http://x:80/a',
  ])
})

test('languageFor: extension, well-known names, then the shebang', () => {
  assert.equal(languageFor('app/config.json', '{'), 'json')
  assert.equal(languageFor('etc/os-release', 'NAME="x"'), 'ini')
  assert.equal(languageFor('etc/nginx/nginx.conf', ''), 'ini')
  assert.equal(languageFor('k8s/deploy.yaml', 'apiVersion: v1'), 'yaml')
  assert.equal(languageFor('usr/bin/greet', '#!/bin/sh'), 'shell')
  assert.equal(languageFor('usr/bin/tool', '#!/usr/bin/env bash'), 'shell')
  assert.equal(languageFor('app/server.sh', ''), 'shell')
  assert.equal(languageFor('usr/bin/tool', '#!/usr/bin/env python3'), 'plain')
  assert.equal(languageFor('README.md', '# Sample'), 'plain')
})
