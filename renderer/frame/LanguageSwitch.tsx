// EN | ES in the top bar: switches every string at once, remembers the choice (i18n.ts) and
// writes lang= into the URL (replacing the entry: a language is not a place to go back to).
import { useTranslation } from 'react-i18next'
import { setLanguage, useLanguage } from '../i18n/i18n'
import { LANGUAGES, type Language } from '../i18n/languages'
import { currentRoute, navigate } from '../routing/navigation'

export function chooseLanguage(language: Language): void {
  setLanguage(language)
  navigate({ ...currentRoute(), lang: language }, { replace: true })
}

export function LanguageSwitch() {
  const { t } = useTranslation('frame')
  const shown = useLanguage()
  return (
    <div
      className="language-switch"
      role="group"
      aria-label={t('language.label')}
      data-testid="language-switch"
    >
      {LANGUAGES.map((language) => {
        const name = t(`language.${language}`)
        return (
          <button
            key={language}
            type="button"
            className="language-option"
            data-testid={`language-${language}`}
            aria-pressed={language === shown}
            aria-label={name}
            title={t('language.showIn', { language: name })}
            onClick={() => chooseLanguage(language)}
          >
            {language.toUpperCase()}
          </button>
        )
      })}
    </div>
  )
}
