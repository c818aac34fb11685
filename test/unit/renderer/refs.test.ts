import { test } from 'node:test'
import assert from 'node:assert/strict'
import { validateSourceInput } from '../../../renderer/frame/validateSourceInput'
import { initTranslations } from '../../../renderer/i18n/translate'
import {
  refForDigest,
  refForTag,
  registryOfSource,
  repositoryOfSource,
} from '../../../renderer/routing/refs'

// The Open box's messages come from the English catalogue.
initTranslations('en')

const HEX = 'c'.repeat(64)

test('the Open box accepts references and transport strings', () => {
  const valid = [
    'alpine',
    'docker.io/library/alpine:3.20',
    `ghcr.io/o/r@sha256:${HEX}`,
    'localhost:5000/a/b/c/d:tag',
    'docker://127.0.0.1:5000/demo/app:v1',
    'oci:/tmp/layout:v1',
    'oci-archive:/tmp/image.tar',
    '  alpine:3.20  ',
  ]
  for (const input of valid) assert.equal(validateSourceInput(input), undefined, input)
})

test('the Open box explains what is wrong instead of navigating', () => {
  const message = validateSourceInput('Bad Ref!!')
  assert.ok(message && message.length > 0)
  assert.match(validateSourceInput('') ?? '', /Type an image reference/)
  assert.match(validateSourceInput('UPPER/case') ?? '', /lowercase/)
})

test('in Spanish the Open box says what is wrong in Spanish, without English', () => {
  initTranslations('es')
  try {
    const message = validateSourceInput('UPPER/case') ?? ''
    assert.match(message, /^Strata no entiende esta referencia: .*minúsculas.*«UPPER\/case»/)
    assert.doesNotMatch(message, /lowercase|must|invalid/i)
    assert.match(validateSourceInput('') ?? '', /^Escribe una referencia de imagen/)
  } finally {
    initTranslations('en')
  }
})

test('repositoryOfSource: the repository whose tags the tags view lists', () => {
  assert.equal(repositoryOfSource('127.0.0.1:5000/demo/app:v1'), '127.0.0.1:5000/demo/app')
  assert.equal(repositoryOfSource('alpine'), 'docker.io/library/alpine')
  assert.equal(repositoryOfSource(`docker://ghcr.io/o/r@sha256:${HEX}`), 'ghcr.io/o/r')
  assert.equal(repositoryOfSource('localhost:5000/a/b/c/d:tag'), 'localhost:5000/a/b/c/d')
  // An OCI layout's tags are its ref.name annotations: the layout is the repository.
  assert.equal(repositoryOfSource('oci:/tmp/layout:v1'), 'oci:/tmp/layout')
  assert.equal(repositoryOfSource(`oci:/tmp/layout:sha256:${HEX}`), 'oci:/tmp/layout')
  assert.equal(repositoryOfSource('oci-archive:/tmp/a.tar'), undefined)
  assert.equal(repositoryOfSource('dir:/tmp/x'), undefined)
  assert.equal(repositoryOfSource('Bad Ref!!'), undefined)
})

test('refForDigest pins a registry repository with @ and a layout with its reference', () => {
  assert.equal(
    refForDigest('127.0.0.1:5000/demo/app', `sha256:${HEX}`),
    `127.0.0.1:5000/demo/app@sha256:${HEX}`,
  )
  assert.equal(refForDigest('oci:/tmp/layout', `sha256:${HEX}`), `oci:/tmp/layout:sha256:${HEX}`)
  assert.equal(refForTag('oci:/tmp/layout', 'v1'), 'oci:/tmp/layout:v1')
})

test('refForTag and registryOfSource', () => {
  assert.equal(refForTag('127.0.0.1:5000/demo/app', 'v1'), '127.0.0.1:5000/demo/app:v1')
  assert.equal(refForTag('oci:/tmp/layout', 'v1'), 'oci:/tmp/layout:v1')
  assert.equal(registryOfSource('127.0.0.1:5000/demo/app:v1'), '127.0.0.1:5000')
  assert.equal(registryOfSource('alpine'), 'docker.io')
  assert.equal(registryOfSource('oci:/tmp/layout:v1'), undefined)
})
