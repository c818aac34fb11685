// The English and Spanish catalogues have the same keys, namespace by namespace, and no value is
// empty. tsc already refuses a Spanish catalogue of another shape; this catches what types let
// through (plural forms, empty strings, an interpolation one side forgot).
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { en } from '../../../renderer/i18n/en'
import { es } from '../../../renderer/i18n/es'

type Tree = { readonly [key: string]: string | Tree }

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>()
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key
    if (typeof value === 'string') out.set(path, value)
    else for (const [k, v] of leaves(value, path)) out.set(k, v)
  }
  return out
}

const variables = (text: string): string[] =>
  [...text.matchAll(/\{\{\s*([\w.]+)/g)].map((m) => m[1] ?? '').sort()

test('the Spanish catalogue has exactly the English keys, none empty, same placeholders', () => {
  const english = leaves(en)
  const spanish = leaves(es)
  assert.deepEqual([...spanish.keys()].sort(), [...english.keys()].sort())
  for (const [key, text] of english) {
    const other = spanish.get(key) ?? ''
    assert.notEqual(text.trim(), '', `en ${key} is empty`)
    assert.notEqual(other.trim(), '', `es ${key} is empty`)
    assert.deepEqual(variables(other), variables(text), `placeholders of ${key}`)
  }
})
