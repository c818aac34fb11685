import { QueryClientProvider } from '@tanstack/react-query'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { createQueryClient } from './api/queryClient'
import { App } from './App'
import { applyTheme, storedTheme, systemTheme } from './frame/theme'
import { initI18n, startLanguage } from './i18n/i18n'
import './styles/theme.css'
import './styles/base.css'
import './styles/frame.css'
import './styles/lists.css'
import './styles/graph.css'
import './styles/details.css'
import './styles/feedback.css'
import './styles/presentation.css'

// Before the first paint, so a dark-theme user never sees a white flash.
applyTheme(storedTheme() ?? systemTheme())
// Both catalogues are bundled, so this is synchronous and the first paint is in the right language.
initI18n(startLanguage())

const container = document.getElementById('root')
if (!container) throw new Error('index.html has no #root element')

createRoot(container).render(
  <StrictMode>
    <QueryClientProvider client={createQueryClient()}>
      <App />
    </QueryClientProvider>
  </StrictMode>,
)
