// The frame: the Open box on top, sources on the left, the current view in the middle.
import { useEffect, useRef } from 'react'
import { useApiEvents } from './api/useApiEvents'
import { ViewErrorBoundary } from './components/ViewErrorBoundary'
import { DropToOpen } from './features/stores/DropToOpen'
import { OpenBox } from './frame/OpenBox'
import { Sidebar } from './frame/Sidebar'
import { StatusBar } from './frame/StatusBar'
import { ThemeToggle } from './frame/ThemeToggle'
import { useGlobalKeys } from './frame/useGlobalKeys'
import { useSidebarPreference } from './frame/useSidebarPreference'
import { ViewSwitch } from './frame/ViewSwitch'
import { useRoute } from './routing/navigation'

export function App() {
  const route = useRoute()
  const progress = useApiEvents()
  const openInputRef = useRef<HTMLInputElement>(null)
  const [sidebarHidden, toggleSidebar] = useSidebarPreference()
  useGlobalKeys(route, openInputRef)

  const subject = route.view === 'repositories' ? route.registry : route.ref
  useEffect(() => {
    document.title = subject ? `${subject} — Strata` : 'Strata'
  }, [subject])

  const openRef = route.view === 'repositories' ? undefined : route.ref
  return (
    <div className={sidebarHidden ? 'app sidebar-hidden' : 'app'}>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <button
          type="button"
          className="icon-button sidebar-toggle"
          aria-label={sidebarHidden ? 'Show sources' : 'Hide sources'}
          title={sidebarHidden ? 'Show sources' : 'Hide sources'}
          aria-expanded={!sidebarHidden}
          aria-controls="sources"
          onClick={toggleSidebar}
        >
          ☰
        </button>
        <h1 className="brand">
          <span className="brand-mark" aria-hidden="true" />
          Strata
        </h1>
        <OpenBox currentRef={openRef} inputRef={openInputRef} />
        <ThemeToggle />
      </header>
      <Sidebar route={route} hidden={sidebarHidden} />
      <main className="main" id="main" tabIndex={-1}>
        <ViewErrorBoundary resetKey={`${route.view}|${route.ref ?? ''}|${route.registry ?? ''}`}>
          <ViewSwitch route={route} />
        </ViewErrorBoundary>
      </main>
      <StatusBar progress={progress} />
      <DropToOpen />
    </div>
  )
}
