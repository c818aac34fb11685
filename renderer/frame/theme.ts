// Light and dark: follows the system until the user picks one; the pick is remembered.
// The choice is an attribute on <html> (never a style attribute: the CSP forbids those).
export type Theme = 'light' | 'dark'

const STORAGE_KEY = 'strata.theme'

export function storedTheme(): Theme | undefined {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY)
    return value === 'light' || value === 'dark' ? value : undefined
  } catch {
    return undefined
  }
}

export function systemTheme(): Theme {
  return window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light'
}

export function applyTheme(theme: Theme): void {
  document.documentElement.dataset['theme'] = theme
}

export function storeTheme(theme: Theme): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, theme)
  } catch {
    // Storage can be disabled; the toggle still works for this session.
  }
}
