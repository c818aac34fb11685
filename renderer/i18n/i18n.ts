// The one i18next instance: both catalogues bundled (lessons work offline), the language picked
// by pickLanguage, the choice remembered. Components use react-i18next's useTranslation(ns);
// code outside components (error wording, labels built in plain functions) calls translate().
import i18next, { type TFunction } from 'i18next'
import { initReactI18next, useTranslation } from 'react-i18next'
import { en } from './en'
import { es } from './es'
import { isLanguage, pickLanguage, type Language } from './languages'

const STORAGE_KEY = 'strata.language'

export const NAMESPACES = Object.keys(en) as (keyof typeof en)[]
export type Namespace = keyof typeof en

function storedLanguage(): string | null {
  try {
    return window.localStorage.getItem(STORAGE_KEY)
  } catch {
    return null
  }
}

/** The language to start in: the URL's lang=, the remembered choice, the system's, English. */
export function startLanguage(): Language {
  return pickLanguage({
    url: new URLSearchParams(window.location.search).get('lang'),
    stored: storedLanguage(),
    system: navigator.languages,
  })
}

/** Initialises i18next synchronously (resources are bundled), before the first render. */
export function initI18n(language: Language): void {
  void i18next.use(initReactI18next).init({
    lng: language,
    fallbackLng: false,
    supportedLngs: ['en', 'es'],
    ns: NAMESPACES,
    defaultNS: 'common',
    resources: { en, es },
    initAsync: false,
    returnNull: false,
    // React escapes text itself; registry data never goes through i18next as HTML.
    interpolation: { escapeValue: false },
  })
  document.documentElement.lang = language
}

/** The language now shown. */
export function currentLanguage(): Language {
  const language = i18next.language
  return isLanguage(language) ? language : 'en'
}

/** Switches language everywhere at once and remembers the choice. */
export function setLanguage(language: Language): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, language)
  } catch {
    // Private windows may refuse storage; the switch still applies to this page.
  }
  document.documentElement.lang = language
  if (i18next.language !== language) void i18next.changeLanguage(language)
}

/** The language shown, re-rendering the caller when it changes. */
export function useLanguage(): Language {
  const { i18n } = useTranslation()
  return isLanguage(i18n.language) ? i18n.language : 'en'
}

/** i18next's t for code outside components (call it during render so the language is current). */
export const translate: TFunction = i18next.t.bind(i18next)
