// The frame: the Open box on top, sources on the left, the current view in the middle. In
// presentation mode (present=1) only the view shows, under a thin strip with the presentation
// toggle and the language switch.
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { useApiEvents } from './api/useApiEvents'
import { ViewErrorBoundary } from './components/ViewErrorBoundary'
import { DropToOpen } from './features/stores/DropToOpen'
import { LanguageSwitch } from './frame/LanguageSwitch'
import { OpenBox } from './frame/OpenBox'
import { PresentToggle } from './frame/PresentToggle'
import { Sidebar } from './frame/Sidebar'
import { StatusBar } from './frame/StatusBar'
import { ThemeToggle } from './frame/ThemeToggle'
import { useGlobalKeys } from './frame/useGlobalKeys'
import { useSidebarPreference } from './frame/useSidebarPreference'
import { ViewSwitch } from './frame/ViewSwitch'
import { useUrlLanguage } from './frame/useUrlLanguage'
import { useRoute } from './routing/navigation'
import { isPresenting } from './routing/route'

export function App() {
  const { t } = useTranslation('frame')
  const route = useRoute()
  const progress = useApiEvents()
  const openInputRef = useRef<HTMLInputElement>(null)
  const [sidebarHidden, toggleSidebar] = useSidebarPreference()
  useGlobalKeys(route, openInputRef)
  useUrlLanguage(route.lang)
  const presenting = isPresenting(route)

  const subject = route.view === 'repositories' ? route.registry : route.ref
  const title = subject ? t('app.title', { subject }) : 'Strata'
  useEffect(() => {
    document.title = title
  }, [title])
  useEffect(() => {
    // On <html>, so the type scale and the contrast variables reach every view.
    if (presenting) document.documentElement.dataset['present'] = '1'
    else delete document.documentElement.dataset['present']
  }, [presenting])

  const openRef = route.view === 'repositories' ? undefined : route.ref
  const classes = ['app', sidebarHidden || presenting ? 'sidebar-hidden' : '']
  if (presenting) classes.push('presenting')
  return (
    <div className={classes.join(' ').trim()} data-testid="app">
      <a className="skip-link" href="#main">
        {t('app.skip')}
      </a>
      {presenting ? (
        <header className="topbar topbar-strip" data-testid="topbar">
          <PresentToggle presenting />
          <LanguageSwitch />
        </header>
      ) : (
        <header className="topbar" data-testid="topbar">
          <button
            type="button"
            className="icon-button sidebar-toggle"
            aria-label={sidebarHidden ? t('app.showSources') : t('app.hideSources')}
            title={sidebarHidden ? t('app.showSources') : t('app.hideSources')}
            aria-expanded={!sidebarHidden}
            aria-controls="sources"
            onClick={toggleSidebar}
          >
            <span aria-hidden="true">{MENU_ICON}</span>
          </button>
          <h1 className="brand">
            <span className="brand-mark" aria-hidden="true" />
            {PRODUCT}
          </h1>
          <OpenBox currentRef={openRef} inputRef={openInputRef} />
          <div className="topbar-tools">
            <PresentToggle presenting={false} />
            <LanguageSwitch />
            <ThemeToggle />
          </div>
        </header>
      )}
      <Sidebar route={route} hidden={sidebarHidden || presenting} />
      <main className="main" id="main" tabIndex={-1}>
        <ViewErrorBoundary resetKey={`${route.view}|${route.ref ?? ''}|${route.registry ?? ''}`}>
          {/* Remounted when presentation mode changes: sizes, fits and cut labels start over. */}
          <ViewSwitch key={presenting ? 'presenting' : 'normal'} route={route} />
        </ViewErrorBoundary>
      </main>
      {presenting ? null : <StatusBar progress={progress} />}
      <DropToOpen />
    </div>
  )
}

/** The product's name is the same in every language. */
const PRODUCT = 'Strata'
const MENU_ICON = '☰'
