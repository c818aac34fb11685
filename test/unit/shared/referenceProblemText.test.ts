// A reference the parsers refuse says why as a code with its data: every kind, made by a real
// bad input through parseSourceRef (or parseRepository), carries that code, keeps its English
// message, and is worded in English and in Spanish with its data and no key or placeholder
// left over; the Open box and the error panel show the wording of the language shown.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import i18next from 'i18next'
import { StrataError } from '../../../shared/errors'
import { parseRepository } from '../../../shared/reference'
import type { ReferenceProblemKind } from '../../../shared/referenceProblem'
import { englishReferenceProblem } from '../../../shared/referenceProblem'
import { parseSourceRef } from '../../../shared/sourceRef'
import { describeError } from '../../../renderer/components/errorText'
import { referenceProblemText } from '../../../renderer/components/referenceProblemText'
import { validateSourceInput } from '../../../renderer/frame/validateSourceInput'
import { initTranslations } from '../../../renderer/i18n/translate'

const HEX = 'a'.repeat(64)

/** A bad input of every kind and what its wording must show (a Record: tsc asks for new kinds). */
const EVERY_KIND: Record<ReferenceProblemKind, { input: string; shows: string[] }> = {
  emptySource: { input: ' ', shows: [] },
  emptyImage: { input: 'docker://', shows: [] },
  registryNeedsScheme: { input: 'docker:/alpine', shows: ['docker://alpine'] },
  unknownTransport: { input: 'dockr-archive:/tmp/x.tar', shows: ['dockr-archive:', 'oci:'] },
  noPath: { input: 'oci:', shows: ['oci:'] },
  noImage: { input: 'containerd:[k8s.io]', shows: ['containerd:[k8s.io]'] },
  noContainer: { input: 'container:docker-daemon:', shows: ['container:docker-daemon:'] },
  imageHasSpaces: { input: 'containers-storage:a b', shows: ['a b'] },
  storeSpecUnclosed: { input: 'containers-storage:[overlay@/var/lib', shows: ['['] },
  emptyDriver: { input: 'containers-storage:[@/x]alpine', shows: ['@'] },
  storeRootNotAbsolute: {
    input: 'containers-storage:[overlay@var/lib]alpine',
    shows: ['var/lib', 'graph'],
  },
  namespaceUnclosed: { input: 'containerd:[k8s.io', shows: ['['] },
  badNamespace: { input: 'containerd:[bad ns]alpine', shows: ['bad ns'] },
  containerForm: { input: 'container:foo', shows: ['container:docker-daemon:'] },
  badContainerName: { input: 'container:docker-daemon:-bad', shows: ['-bad'] },
  referenceHasSpaces: { input: 'docker://al pine', shows: ['al pine'] },
  noDigestAfterAt: { input: 'docker://alpine@', shows: ['alpine@'] },
  badDigest: { input: 'docker://alpine@sha256:12', shows: ['alpine@sha256:12'] },
  noRepository: { input: 'docker://example.com:5000/', shows: ['example.com:5000/'] },
  badTag: { input: 'docker://alpine:-tag', shows: ['-tag'] },
  looksLikeImageId: { input: `docker://${HEX}`, shows: [HEX] },
  notLowercase: { input: 'docker://Alpine', shows: ['Alpine'] },
  emptyPathComponent: { input: 'docker://a//b', shows: ['a//b'] },
  badPathComponent: { input: 'docker://a/b_-x/..y', shows: ['b_-x'] },
  nameTooLong: { input: `docker://a/${'b'.repeat(300)}`, shows: ['255', '312'] },
  badRegistry: { input: 'docker://bad_host:99/x', shows: ['bad_host:99'] },
  repositoryOnly: { input: 'alpine:3', shows: ['alpine:3'] },
}

function refusal(kind: ReferenceProblemKind, input: string): StrataError {
  try {
    if (kind === 'repositoryOnly') parseRepository(input)
    else parseSourceRef(input)
  } catch (error) {
    assert.ok(error instanceof StrataError, `${kind}: a StrataError`)
    return error
  }
  assert.fail(`${JSON.stringify(input)} was accepted`)
}

test('every refused reference carries its problem and keeps its English message', () => {
  for (const [kind, { input }] of Object.entries(EVERY_KIND) as [
    ReferenceProblemKind,
    { input: string },
  ][]) {
    const error = refusal(kind, input)
    assert.equal(error.code, 'BAD_INPUT')
    const problem = error.detail?.referenceProblem
    assert.equal(problem?.kind, kind, `${JSON.stringify(input)} is ${kind}`)
    assert.equal(error.message, englishReferenceProblem(problem))
    assert.equal(error.detail?.subject, input)
  }
  // The message of a digest given where a repository is wanted names the digest.
  const digest = refusal('repositoryOnly', `alpine@sha256:${HEX}`)
  assert.match(digest.message, /has digest "sha256:a{64}"/)
})

test('every problem is worded in English and Spanish, with its data', async () => {
  initTranslations('en')
  const problems = Object.entries(EVERY_KIND).map(([kind, { input, shows }]) => {
    const problem = refusal(kind as ReferenceProblemKind, input).detail?.referenceProblem
    assert.ok(problem)
    return { problem, shows }
  })
  const english = problems.map(({ problem }) => referenceProblemText(problem))
  await i18next.changeLanguage('es')
  const spanish = problems.map(({ problem }) => referenceProblemText(problem))
  problems.forEach(({ problem, shows }, i) => {
    const inEnglish = english[i] ?? ''
    const inSpanish = spanish[i] ?? ''
    assert.notEqual(inSpanish, inEnglish, `${problem.kind} is worded in Spanish`)
    for (const text of [inEnglish, inSpanish]) {
      assert.ok(text.length > 10, `${problem.kind}: ${text}`)
      assert.doesNotMatch(text, /\{\{|\}\}|errors:|reference\./, `${problem.kind}: ${text}`)
      for (const shown of shows) assert.ok(text.includes(shown), `${problem.kind} shows ${shown}`)
    }
  })
  assert.equal(new Set(spanish).size, spanish.length, 'every kind has its own words')
  assert.equal(new Set(english).size, english.length)
})

test('the Open box and the error panel word the problem in the language shown', async () => {
  initTranslations('es')
  await i18next.changeLanguage('es')
  const shown = validateSourceInput('docker://Alpine') ?? ''
  assert.match(shown, /Strata no entiende esta referencia: .*minúsculas.*«Alpine»/)
  const error = refusal('notLowercase', 'docker://Alpine').toApiError()
  assert.match(describeError(error).next, /minúsculas/)
  // BAD_INPUT without a reference problem keeps the general advice.
  assert.equal(
    describeError({ code: 'BAD_INPUT', message: 'x' }).next,
    i18next.t('errors:BAD_INPUT.next'),
  )
  await i18next.changeLanguage('en')
  assert.match(validateSourceInput('docker://Alpine') ?? '', /lowercase: "Alpine" is not/)
})
