// Finds English words left on a page shown in another language: every text node, title,
// aria-label and placeholder that equals an English catalogue value (any namespace) whose
// Spanish value differs. Values with {{placeholders}} match as patterns when their fixed words
// are long enough not to match data (image names, paths) by chance.
//
//   const leftovers = await untranslatedTexts(page)   // [] when everything is Spanish
//
// Data is not words: text inside DATA_SELECTORS (file names, digests, code, anything marked
// translate="no") is skipped, so a directory called "root" is not taken for a label.

import type { Page } from 'playwright-core'
import { en } from '../../renderer/i18n/en'
import { es } from '../../renderer/i18n/es'

type Tree = { readonly [key: string]: string | Tree }

export interface UntranslatedText {
  /** What the page shows. */
  readonly text: string
  /** The catalogue key whose English value it is ("frame:sidebar.title"). */
  readonly key: string
  /** Where: "text", or the attribute's name. */
  readonly where: string
}

interface EnglishOnly {
  readonly key: string
  readonly exact?: string
  readonly pattern?: RegExp
}

/** Where the page shows data (names, paths, digests) rather than words of ours. */
export const DATA_SELECTORS = '[translate="no"], code, pre, .mono, .file-name'

/** Minimum letters outside placeholders for a pattern to be worth matching. */
const MIN_FIXED_LETTERS = 8

function leaves(tree: Tree, prefix: string, out: Map<string, string>): void {
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix.includes(':') ? `${prefix}.${key}` : `${prefix}:${key}`
    if (typeof value === 'string') out.set(path, value)
    else leaves(value, path, out)
  }
}

function catalogue(tree: Tree): Map<string, string> {
  const out = new Map<string, string>()
  for (const [namespace, strings] of Object.entries(tree)) {
    if (typeof strings !== 'string') leaves(strings, namespace, out)
  }
  return out
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** English catalogue values that the Spanish catalogue words differently. */
export function englishOnlyValues(): EnglishOnly[] {
  const english = catalogue(en)
  const spanish = catalogue(es)
  const out: EnglishOnly[] = []
  for (const [key, text] of english) {
    const value = text.trim()
    if (value === (spanish.get(key) ?? '').trim() || value.length < 3) continue
    if (!value.includes('{{')) {
      out.push({ key, exact: value })
      continue
    }
    const fixed = value.replace(/\{\{[^}]*\}\}/g, '')
    if (fixed.replace(/[^A-Za-z]/g, '').length < MIN_FIXED_LETTERS) continue
    const source = value
      .split(/\{\{[^}]*\}\}/)
      .map(escapeRegExp)
      .join('.+')
    out.push({ key, pattern: new RegExp(`^${source}$`) })
  }
  return out
}

/** Runs in the page: every visible text node and labelling attribute, trimmed. */
const PAGE_TEXTS = (dataSelectors: string): string => `(() => {
  const data = ${JSON.stringify(dataSelectors)}
  const out = []
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = (node.textContent || '').trim()
    const parent = node.parentElement
    if (!text || !parent || parent.closest('script, style, noscript')) continue
    if (parent.closest(data)) continue
    out.push({ text, where: 'text' })
  }
  for (const element of document.body.querySelectorAll('[title], [aria-label], [placeholder], [alt]')) {
    if (element.closest(data)) continue
    for (const name of ['title', 'aria-label', 'placeholder', 'alt']) {
      const value = (element.getAttribute(name) || '').trim()
      if (value) out.push({ text: value, where: name })
    }
  }
  out.push({ text: document.title.trim(), where: 'document.title' })
  return out
})()`

/** The texts on the page that are English catalogue values with a different Spanish wording. */
export async function untranslatedTexts(
  page: Page,
  dataSelectors: string = DATA_SELECTORS,
): Promise<UntranslatedText[]> {
  const shown = await page.evaluate<{ text: string; where: string }[]>(PAGE_TEXTS(dataSelectors))
  const values = englishOnlyValues()
  const found: UntranslatedText[] = []
  const seen = new Set<string>()
  for (const { text, where } of shown) {
    // Multi-line titles ("Open this manifest\nsha256:…") are checked line by line.
    for (const line of text.split('\n').map((part) => part.trim())) {
      const match = values.find((v) => v.exact === line || (v.pattern?.test(line) ?? false))
      if (!match || seen.has(`${where}|${line}`)) continue
      seen.add(`${where}|${line}`)
      found.push({ text: line, key: match.key, where })
    }
  }
  return found
}
