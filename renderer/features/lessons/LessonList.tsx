// The lessons in course order, each with its title, one-line summary and number of steps.
import { useTranslation } from 'react-i18next'
import { Link } from '../../components/Link'
import { LESSONS } from './lessonCatalog'

export function LessonList() {
  const { t } = useTranslation('lessons')
  return (
    <section
      className="view lessons-view"
      data-testid="lessons-view"
      aria-labelledby="lessons-title"
    >
      <header className="view-header">
        <h2 id="lessons-title">{t('list.title')}</h2>
      </header>
      <p className="hint lessons-intro">{t('list.intro')}</p>
      <ol className="lesson-list" aria-label={t('list.label')}>
        {LESSONS.map((lesson) => (
          <li
            key={lesson.id}
            className="lesson-item"
            data-testid="lesson-item"
            data-lesson={lesson.id}
          >
            <Link to={{ view: 'lessons', lesson: lesson.id, step: '1' }} className="lesson-link">
              <span className="lesson-item-title">{t(`${lesson.id}.title`)}</span>
              <span className="lesson-item-summary">{t(`${lesson.id}.summary`)}</span>
              <span className="lesson-item-steps muted">
                {t('list.steps', { count: lesson.steps.length })}
              </span>
            </Link>
          </li>
        ))}
      </ol>
    </section>
  )
}
