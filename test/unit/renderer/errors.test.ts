import { test } from 'node:test'
import assert from 'node:assert/strict'
import { ERROR_CODES } from '../../../shared/errors'
import { ApiCallError, asApiError } from '../../../renderer/api/ApiCallError'
import { shouldRetry } from '../../../renderer/api/retryPolicy'
import i18next from 'i18next'
import { describeError, type ErrorText } from '../../../renderer/components/errorText'
import { initTranslations } from '../../../renderer/i18n/translate'

// The wording comes from the catalogues; the tests start in English, as the app does for an
// English system.
initTranslations('en')

/** Every code with every parameter its wording uses, so placeholders are checked too. */
const EXAMPLES = ERROR_CODES.flatMap((code) => [
  { code, message: 'm' },
  {
    code,
    message: 'm',
    detail: { host: 'h.test:5000', cause: 'ECONNRESET', status: 503, retryAfterSeconds: 7 },
  },
  { code, message: 'm', detail: { subject: '/srv/layout', cause: 'ENOENT' } },
])

async function describedIn(language: 'en' | 'es'): Promise<ErrorText[]> {
  await i18next.changeLanguage(language)
  try {
    return EXAMPLES.map((error) => describeError(error))
  } finally {
    await i18next.changeLanguage('en')
  }
}

test('every error code has a sentence and a next step', () => {
  for (const code of ERROR_CODES) {
    const text = describeError({ code, message: 'm' })
    assert.ok(text.title.length > 5, code)
    assert.ok(text.next.length > 5, code)
  }
})

test('every error code has its own words in English and in Spanish, parameters filled in', async () => {
  const english = await describedIn('en')
  const spanish = await describedIn('es')
  EXAMPLES.forEach((error, i) => {
    const en = english[i]
    const es = spanish[i]
    assert.ok(en && es, error.code)
    for (const text of [en.title, en.next, es.title, es.next]) {
      assert.ok(text.length > 5, `${error.code}: ${text}`)
      // An unfilled {{placeholder}} or a raw key ("errors:…", "NETWORK.title") means no words.
      assert.doesNotMatch(text, /\{\{|errors:|\.(title|next)$/, `${error.code}: ${text}`)
    }
    assert.notEqual(es.title, en.title, `${error.code} title is not Spanish`)
    assert.notEqual(es.next, en.next, `${error.code} next step is not Spanish`)
    // Parameters reach both languages alike.
    if (en.title.includes('h.test:5000')) assert.match(es.title, /h\.test:5000/, error.code)
  })
})

test('Spanish sentences name the host, the cause and how long to wait', async () => {
  await i18next.changeLanguage('es')
  try {
    const network = describeError({
      code: 'NETWORK',
      message: 'x',
      detail: { host: 'registry.test:5000', cause: 'ECONNREFUSED' },
    })
    assert.equal(network.title, 'No se puede conectar con registry.test:5000 (ECONNREFUSED)')
    const wait = (seconds: number): string =>
      describeError({ code: 'RATE_LIMITED', message: 'x', detail: { retryAfterSeconds: seconds } })
        .next
    assert.equal(wait(1), 'Espera 1 segundo y vuelve a intentarlo.')
    assert.equal(wait(42), 'Espera 42 segundos y vuelve a intentarlo.')
    // No host known: the registry, in Spanish.
    assert.match(describeError({ code: 'TIMEOUT', message: 'x' }).title, /^el registro /)
    const missing = describeError({
      code: 'NOT_FOUND',
      message: 'x',
      detail: { subject: '/srv/layout', cause: 'ENOENT' },
    })
    assert.equal(missing.title, 'No hay nada en esa ruta')
  } finally {
    await i18next.changeLanguage('en')
  }
})

test('sentences name the host, the cause and how long to wait', () => {
  const network = describeError({
    code: 'NETWORK',
    message: 'x',
    detail: { host: 'registry.test:5000', cause: 'ECONNREFUSED' },
  })
  assert.equal(network.title, 'Cannot reach registry.test:5000 (ECONNREFUSED)')
  const limited = describeError({
    code: 'RATE_LIMITED',
    message: 'x',
    detail: { retryAfterSeconds: 42 },
  })
  assert.match(limited.next, /Wait 42 seconds/)
  assert.match(
    describeError({ code: 'FORBIDDEN', message: 'x' }, 'ghcr.io').title,
    /not allowed with these credentials/,
  )
  assert.match(
    describeError({ code: 'NOT_FOUND', message: 'x' }).title,
    /No such repository, tag or digest/,
  )
  assert.match(describeError({ code: 'INSECURE_REFUSED', message: 'x' }, 'h:1').next, /insecure/)
})

test('a local path that does not exist is headed as a missing path, not a missing tag', () => {
  const missing = (cause: string) =>
    describeError({
      code: 'NOT_FOUND',
      message: '/srv/layout does not exist (expected an OCI image layout)',
      detail: { subject: '/srv/layout', cause },
    })
  for (const cause of ['ENOENT', 'ENOTDIR']) {
    assert.equal(missing(cause).title, 'Nothing at this path')
    assert.match(missing(cause).next, /oci-layout and index\.json/)
    assert.doesNotMatch(missing(cause).next, /tag/)
  }
  // A registry's missing tag keeps its own words.
  const tag = describeError({ code: 'NOT_FOUND', message: 'x', detail: { subject: 'v9' } })
  assert.equal(tag.title, 'No such repository, tag or digest')
})

test('asApiError keeps api errors and turns anything else into INTERNAL', () => {
  const apiError = { code: 'NOT_FOUND' as const, message: 'no such tag', detail: { subject: 'v9' } }
  assert.deepEqual(asApiError(new ApiCallError(apiError)), apiError)
  assert.deepEqual(asApiError({ code: 'TIMEOUT', message: 'slow' }), {
    code: 'TIMEOUT',
    message: 'slow',
  })
  assert.equal(asApiError(new Error('boom')).code, 'INTERNAL')
  assert.match(asApiError(new Error('boom')).message, /boom/)
  assert.equal(asApiError({ code: 'NOPE', message: 'x' }).code, 'INTERNAL')
})

test('only transient failures are retried, once', () => {
  const err = (code: 'TIMEOUT' | 'SERVER_ERROR' | 'NOT_FOUND' | 'AUTH_REQUIRED' | 'NETWORK') =>
    new ApiCallError({ code, message: code })
  assert.equal(shouldRetry(0, err('TIMEOUT')), true)
  assert.equal(shouldRetry(0, err('SERVER_ERROR')), true)
  assert.equal(shouldRetry(1, err('TIMEOUT')), false)
  assert.equal(shouldRetry(0, err('NOT_FOUND')), false)
  assert.equal(shouldRetry(0, err('AUTH_REQUIRED')), false)
  assert.equal(shouldRetry(0, err('NETWORK')), false)
})

test("Strata's own 401 is worded as the page's session, a registry's as its credentials", () => {
  const own = describeError({ code: 'AUTH_REQUIRED', message: 'This launch token is not valid.' })
  assert.match(own.title, /not signed in to Strata/)
  const registry = describeError({
    code: 'AUTH_REQUIRED',
    message: 'sign in',
    detail: { host: 'ghcr.io' },
  })
  assert.equal(registry.title, 'ghcr.io wants credentials')
})
