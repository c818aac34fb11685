// Why a path did not open is worded on the renderer side: each refusal code stores:probePath
// sends (detail.cause) reads in English and in Spanish with the path in it; another failure
// keeps the main side's sentence in English and is worded from its error code in Spanish,
// naming the path. The drop's messages are data worded when shown, in either language; so is
// a local reference the path field cannot parse.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import i18next from 'i18next'
import { PATH_PROBE_REFUSALS } from '../../../shared/api/stores'
import type { ApiError } from '../../../shared/errors'
import { dropMessageText, type DropMessage } from '../../../renderer/features/stores/dropMessage'
import { interpretPathInput } from '../../../renderer/features/stores/pathInput'
import { pathProblemText } from '../../../renderer/features/stores/pathProblemText'
import { initTranslations } from '../../../renderer/i18n/translate'

const PATH = '/srv/images/app.tar.gz'

const refusal = (cause: string): ApiError => ({
  code: 'BAD_INPUT',
  message: `English sentence about ${PATH}`,
  detail: { subject: PATH, cause },
})

const MISSING: ApiError = {
  code: 'NOT_FOUND',
  message: `${PATH} does not exist`,
  detail: { subject: PATH, cause: 'ENOENT' },
}

const DROPS: readonly DropMessage[] = [
  { kind: 'hint' },
  { kind: 'noPath', name: 'app.tar' },
  { kind: 'noPath' },
  { kind: 'opening', path: PATH },
  { kind: 'several', count: 3, name: 'app.tar' },
  { kind: 'failed', error: refusal('gzipCompressed') },
]

async function inBoth<T>(word: () => T): Promise<{ en: T; es: T }> {
  initTranslations('en')
  const en = word()
  await i18next.changeLanguage('es')
  const es = word()
  await i18next.changeLanguage('en')
  return { en, es }
}

test('every refusal is worded in English and Spanish, naming the path', async () => {
  const { en, es } = await inBoth(() =>
    PATH_PROBE_REFUSALS.map((cause) => pathProblemText(refusal(cause))),
  )
  for (const [i, cause] of PATH_PROBE_REFUSALS.entries()) {
    for (const text of [en[i] ?? '', es[i] ?? '']) {
      assert.ok(text.includes(PATH), `${cause}: ${text}`)
      assert.doesNotMatch(text, /\{\{|stores:|English sentence/, `${cause}: ${text}`)
    }
    assert.notEqual(es[i], en[i], `${cause} reads in Spanish`)
  }
  assert.equal(new Set(en).size, en.length, 'each refusal has its own words')
  assert.match(en[PATH_PROBE_REFUSALS.indexOf('gzipCompressed')] ?? '', /gunzip/)
  assert.match(es[PATH_PROBE_REFUSALS.indexOf('zstdCompressed')] ?? '', /comprimido con zstd/)
})

test('another failure: the main side’s sentence in English, its code’s words in Spanish', async () => {
  const { en, es } = await inBoth(() => [
    pathProblemText(MISSING),
    pathProblemText(refusal('somethingNew')),
  ])
  assert.deepEqual(en, [MISSING.message, `English sentence about ${PATH}`])
  for (const text of es) {
    assert.ok(text.endsWith(`: ${PATH}`), text)
    assert.doesNotMatch(text, /English|does not exist/)
  }
  assert.notEqual(es[0], es[1], 'a missing path and a bad input read differently')
})

test('the drop’s messages read in both languages with their data', async () => {
  const { en, es } = await inBoth(() => DROPS.map(dropMessageText))
  for (const [i, message] of DROPS.entries()) {
    assert.ok((es[i] ?? '').length > 0)
    assert.notEqual(es[i], en[i], `${message.kind} reads in Spanish`)
    assert.doesNotMatch(es[i] ?? '', /\{\{|stores:/)
  }
  assert.match(es[1] ?? '', /app\.tar/)
  assert.match(es[2] ?? '', /el elemento/)
  assert.match(es[4] ?? '', /3 elementos.*app\.tar/)
  assert.match(es[5] ?? '', /comprimido con gzip/)
})

test('a local reference that does not parse keeps the parser’s English, and reads in Spanish', async () => {
  const { en, es } = await inBoth(() => interpretPathInput('dir:'))
  assert.equal(en.kind, 'invalid')
  assert.equal(es.kind, 'invalid')
  if (en.kind === 'invalid') assert.match(en.message, /no path/)
  if (es.kind === 'invalid') {
    assert.equal(es.message, 'Strata no puede leer «dir:» como referencia a una imagen local.')
  }
})
