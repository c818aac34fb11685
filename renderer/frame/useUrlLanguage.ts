// The URL's lang= wins: a link, back/forward or a typed address that names a language switches
// to it (and remembers it, like the switch does). A URL without lang= leaves the language alone.
import { useEffect } from 'react'
import { currentLanguage, setLanguage } from '../i18n/i18n'
import { isLanguage } from '../i18n/languages'

export function useUrlLanguage(urlLanguage: string | undefined): void {
  useEffect(() => {
    if (isLanguage(urlLanguage) && urlLanguage !== currentLanguage()) setLanguage(urlLanguage)
  }, [urlLanguage])
}
