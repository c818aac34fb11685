// The page's side of i18n: the language picked by pickLanguage (URL, remembered choice, system),
// the choice remembered, <html lang> kept in step. Components use react-i18next's
// useTranslation(ns); code outside components calls translate() (translate.ts, no DOM).
import i18next from 'i18next'
import { useTranslation } from 'react-i18next'
import { isLanguage, pickLanguage, type Language } from './languages'
import { initTranslations } from './translate'

export { currentLanguage, NAMESPACES, translate, type Namespace } from './translate'

const STORAGE_KEY = 'strata.language'

/**
 * The few page objects this file touches, each possibly absent: pure modules that import
 * translate() from here are unit-tested under Node (no DOM types, no window), so nothing below
 * may name `window` or `document` directly.
 */
interface PageGlobals {
  readonly localStorage?: {
    getItem(key: string): string | null
    setItem(key: string, value: string): void
  }
  readonly location?: { readonly search: string }
  readonly navigator?: { readonly languages?: readonly string[] }
  readonly document?: { readonly documentElement: { lang: string } }
}
const page = globalThis as unknown as PageGlobals

export function storedLanguage(): string | null {
  try {
    return page.localStorage?.getItem(STORAGE_KEY) ?? null
  } catch {
    return null
  }
}

/** The language to start in: the URL's lang=, the remembered choice, the system's, English. */
export function startLanguage(): Language {
  return pickLanguage({
    url: new URLSearchParams(page.location?.search ?? '').get('lang'),
    stored: storedLanguage(),
    system: page.navigator?.languages ?? [],
  })
}

/** Initialises i18next before the first render, and <html lang> with it. */
export function initI18n(language: Language): void {
  initTranslations(language)
  showLanguage(language)
}

/** <html lang> follows the language shown (screen readers, hyphenation); no-op under Node. */
function showLanguage(language: Language): void {
  if (page.document) page.document.documentElement.lang = language
}

/** Switches language everywhere at once and remembers the choice. */
export function setLanguage(language: Language): void {
  try {
    page.localStorage?.setItem(STORAGE_KEY, language)
  } catch {
    // Private windows may refuse storage; the switch still applies to this page.
  }
  showLanguage(language)
  if (i18next.language !== language) void i18next.changeLanguage(language)
}

/** The language shown, re-rendering the caller when it changes. */
export function useLanguage(): Language {
  const { i18n } = useTranslation()
  return isLanguage(i18n.language) ? i18n.language : 'en'
}
