import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { applyTheme, storedTheme, storeTheme, systemTheme, type Theme } from './theme'

/** The icon of the theme a click turns on. */
const ICONS: Readonly<Record<Theme, string>> = { dark: '☾', light: '☀' }

export function ThemeToggle() {
  const { t } = useTranslation('frame')
  const [theme, setTheme] = useState<Theme>(() => storedTheme() ?? systemTheme())
  const [followSystem, setFollowSystem] = useState(() => storedTheme() === undefined)

  useEffect(() => applyTheme(theme), [theme])

  useEffect(() => {
    if (!followSystem) return
    const query = window.matchMedia('(prefers-color-scheme: dark)')
    const onChange = (): void => setTheme(query.matches ? 'dark' : 'light')
    query.addEventListener('change', onChange)
    return () => query.removeEventListener('change', onChange)
  }, [followSystem])

  const next: Theme = theme === 'dark' ? 'light' : 'dark'
  return (
    <button
      type="button"
      className="theme-toggle"
      aria-label={next === 'dark' ? t('theme.toDarkLabel') : t('theme.toLightLabel')}
      title={theme === 'dark' ? t('theme.darkOn') : t('theme.lightOn')}
      onClick={() => {
        setTheme(next)
        setFollowSystem(false)
        storeTheme(next)
      }}
    >
      {/* Says what clicking does, with the icon of the theme it turns on. */}
      <span aria-hidden="true">{ICONS[next]}</span>{' '}
      <span className="theme-toggle-text">
        {next === 'dark' ? t('theme.toDark') : t('theme.toLight')}
      </span>
    </button>
  )
}
