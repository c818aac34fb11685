// The one i18next instance and the t function for code outside components, without the page
// (no window, no document): error wording and labels built in plain functions import this, and
// so can their unit tests under Node. i18n.ts adds the page's side (URL, storage, <html lang>).
import i18next, { type TFunction } from 'i18next'
import { initReactI18next } from 'react-i18next'
import { en } from './en'
import { es } from './es'
import { isLanguage, type Language } from './languages'

export const NAMESPACES = Object.keys(en) as (keyof typeof en)[]
export type Namespace = keyof typeof en

/** Initialises i18next synchronously (resources are bundled) in this language. */
export function initTranslations(language: Language): void {
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
}

/** The language now shown. */
export function currentLanguage(): Language {
  const language = i18next.language
  return isLanguage(language) ? language : 'en'
}

/** i18next's t for code outside components (call it during render so the language is current). */
// Typed over every namespace, so "files:table.size" and "errors:NETWORK.title" are checked keys.
export const translate: TFunction<Namespace[]> = i18next.t.bind(i18next)
