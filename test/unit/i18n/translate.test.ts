// translate() reaches every catalogue string in both languages (a key with a "." or ":" of its
// own would not be found, and the raw key would show on screen), and Spanish plurals pick their
// form by Intl's rules, the "many" of a million falling back to the "other" form.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import i18next from 'i18next'
import { en } from '../../../renderer/i18n/en'
import { es } from '../../../renderer/i18n/es'
import { initTranslations, translate } from '../../../renderer/i18n/translate'

type Tree = { readonly [key: string]: string | Tree }

function leaves(tree: Tree, prefix: string, out: Map<string, string>): Map<string, string> {
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix.includes(':') ? `${prefix}.${key}` : `${prefix}:${key}`
    if (typeof value === 'string') out.set(path, value)
    else leaves(value, path, out)
  }
  return out
}

function catalogue(tree: Tree): Map<string, string> {
  const out = new Map<string, string>()
  for (const [namespace, strings] of Object.entries(tree)) {
    if (typeof strings !== 'string') leaves(strings, namespace, out)
  }
  return out
}

initTranslations('en')

/** Looks a key up as the app does; untyped on purpose (keys come from the catalogue itself). */
const lookUp = (key: string): string =>
  (translate as unknown as (key: string, options: object) => string)(key, {
    interpolation: { skipOnVariables: true },
    // Leave {{placeholders}} as written so the value compares with the catalogue's.
    skipInterpolation: true,
  })

for (const [language, tree] of [
  ['en', en],
  ['es', es],
] as const) {
  test(`every ${language} catalogue string is reachable by its key`, async () => {
    await i18next.changeLanguage(language)
    try {
      const missing: string[] = []
      for (const [key, value] of catalogue(tree)) {
        if (/_(zero|one|two|few|many|other)$/.test(key)) continue // reached through count
        if (lookUp(key) !== value) missing.push(key)
      }
      assert.deepEqual(missing, [])
    } finally {
      await i18next.changeLanguage('en')
    }
  })
}

test('Spanish plurals: one, other, and a million through the other form', async () => {
  await i18next.changeLanguage('es')
  try {
    const wait = (count: number): string => translate('errors:RATE_LIMITED.nextWait', { count })
    assert.equal(wait(1), 'Espera 1 segundo y vuelve a intentarlo.')
    assert.equal(wait(0), 'Espera 0 segundos y vuelve a intentarlo.')
    assert.equal(wait(1_000_000), 'Espera 1000000 segundos y vuelve a intentarlo.')
  } finally {
    await i18next.changeLanguage('en')
  }
})
