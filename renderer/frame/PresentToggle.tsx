// The presentation-mode button (also the "p" key, useGlobalKeys): present=1 in the URL turns it
// on; leaving navigates to the same route without it (exact, so the sticky param is dropped).
import { useTranslation } from 'react-i18next'
import { currentRoute, navigate } from '../routing/navigation'
import { isPresenting, withoutPresent } from '../routing/route'

export function togglePresentation(): void {
  const route = currentRoute()
  if (isPresenting(route)) navigate(withoutPresent(route), { exact: true })
  else navigate({ ...route, present: '1' })
}

export function PresentToggle({ presenting }: { readonly presenting: boolean }) {
  const { t } = useTranslation('frame')
  return (
    <button
      type="button"
      className="present-toggle button-secondary"
      data-testid="present-toggle"
      aria-pressed={presenting}
      title={presenting ? t('present.stopTitle') : t('present.startTitle')}
      onClick={togglePresentation}
    >
      {presenting ? t('present.stop') : t('present.start')}
    </button>
  )
}
