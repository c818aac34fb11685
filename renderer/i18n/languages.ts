// Which language the app speaks: the URL's `lang=` first (a shared link keeps its language),
// then what the user chose last time, then the system's preferred languages, then English.
// Pure, so it is unit-tested without a browser.

export const LANGUAGES = ['en', 'es'] as const
export type Language = (typeof LANGUAGES)[number]

export function isLanguage(value: string | null | undefined): value is Language {
  return value !== null && value !== undefined && (LANGUAGES as readonly string[]).includes(value)
}

/** "es-AR" → "es"; undefined for languages the app does not speak. */
export function languageOfTag(tag: string): Language | undefined {
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0]
  return isLanguage(primary) ? primary : undefined
}

export interface LanguageChoices {
  /** The URL's `lang` parameter, if any. */
  readonly url?: string | null
  /** What the user picked last time (localStorage). */
  readonly stored?: string | null
  /** navigator.languages, most preferred first. */
  readonly system?: readonly string[]
}

export function pickLanguage(choices: LanguageChoices): Language {
  if (isLanguage(choices.url)) return choices.url
  if (isLanguage(choices.stored)) return choices.stored
  for (const tag of choices.system ?? []) {
    const language = languageOfTag(tag)
    if (language) return language
  }
  return 'en'
}
