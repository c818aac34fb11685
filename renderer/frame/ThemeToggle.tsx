import { useEffect, useState } from 'react'
import { applyTheme, storedTheme, storeTheme, systemTheme, type Theme } from './theme'

export function ThemeToggle() {
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
      aria-label={`Switch to ${next} theme`}
      title={`The ${theme} theme is on; click to switch to the ${next} theme`}
      onClick={() => {
        setTheme(next)
        setFollowSystem(false)
        storeTheme(next)
      }}
    >
      {/* Says what clicking does, with the icon of the theme it turns on. */}
      <span aria-hidden="true">{next === 'dark' ? '☾' : '☀'}</span>{' '}
      {next === 'dark' ? 'Switch to dark' : 'Switch to light'}
    </button>
  )
}
