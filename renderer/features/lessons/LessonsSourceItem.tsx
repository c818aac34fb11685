// The sidebar's way into the lessons, beside the bundled sample image.
import { useTranslation } from 'react-i18next'
import { useNavigate } from '../../routing/navigation'
import type { Route } from '../../routing/route'
import { LESSONS } from './lessonCatalog'

export function LessonsSourceItem({ route }: { readonly route: Route }) {
  const { t } = useTranslation('lessons')
  const navigate = useNavigate()
  const active = route.view === 'lessons'
  return (
    <li className={active ? 'source-item active' : 'source-item'}>
      <button
        type="button"
        className="source-open"
        data-testid="lessons-entry"
        aria-current={active ? 'page' : undefined}
        onClick={() => navigate({ view: 'lessons' })}
      >
        <span className="source-name">{t('list.title')}</span>
        <span className="source-hint">{t('list.hint', { count: LESSONS.length })}</span>
      </button>
    </li>
  )
}
