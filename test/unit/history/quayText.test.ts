// Why Quay's tag history was not merged is a code from the main side: the renderer words every
// kind in English and in Spanish, with its data (seconds, the host of a failure) in the sentence
// and no raw key left over; a failure is worded from its error code, never its English message.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import i18next from 'i18next'
import type { QuayProblem } from '../../../shared/api'
import { englishQuayProblem } from '../../../shared/quayProblemText'
import { quayProblemText, quayStatusText } from '../../../renderer/features/history/quayText'
import { initTranslations } from '../../../renderer/i18n/translate'

/** One problem of every kind, with the data each must show (a Record: tsc asks for new kinds). */
const EVERY_KIND: Record<QuayProblem['kind'], { problem: QuayProblem; shows: string[] }> = {
  timeout: { problem: { kind: 'timeout', seconds: 15 }, shows: ['15'] },
  failed: {
    problem: {
      kind: 'failed',
      error: {
        code: 'NETWORK',
        message: 'secret-free English for logs only',
        detail: { host: 'quay.io' },
      },
    },
    shows: ['quay.io'],
  },
}

function worded(language: 'en' | 'es'): string[] {
  initTranslations(language)
  return Object.values(EVERY_KIND).map(({ problem }) => quayProblemText(problem))
}

test('every Quay problem kind has its own words in English and in Spanish, with its data', async () => {
  const english = worded('en')
  const spanish = worded('es')
  const cases = Object.values(EVERY_KIND)
  for (const [i, { problem, shows }] of cases.entries()) {
    for (const text of [english[i] ?? '', spanish[i] ?? '']) {
      assert.ok(text.trim().length > 0, `${problem.kind} has words`)
      assert.doesNotMatch(text, /\{\{|quay\.problem|errors:/, `${problem.kind}: no raw key`)
      assert.doesNotMatch(text, /English for logs/, `${problem.kind}: not the English message`)
      for (const data of shows) assert.ok(text.includes(data), `${problem.kind} shows ${data}`)
    }
    assert.notEqual(spanish[i], english[i], `${problem.kind} is worded in Spanish`)
  }
  assert.equal(new Set(english).size, cases.length, 'each kind says something different')
  await i18next.changeLanguage('en')
})

test('the status line: merged, not merged, not merged with the reason in the language shown', () => {
  initTranslations('es')
  const timeout = EVERY_KIND.timeout.problem
  const merged = quayStatusText({ merged: true })
  const bare = quayStatusText({ merged: false })
  const because = quayStatusText({ merged: false, problem: timeout })
  assert.equal(new Set([merged, bare, because]).size, 3)
  assert.ok(because.includes(quayProblemText(timeout)), because)
  assert.match(because, /no respondió en 15 segundos/)
  initTranslations('en')
  assert.match(quayStatusText({ merged: false, problem: timeout }), /within 15 seconds/)
})

test('the English formatter (logs) says the same data', () => {
  assert.match(englishQuayProblem(EVERY_KIND.timeout.problem), /15 s/)
  assert.equal(englishQuayProblem(EVERY_KIND.failed.problem), 'secret-free English for logs only')
})
