// The lesson's side of a step: title, "step N of M", the step's text, its exercise, and the
// moves (buttons here; arrows and PageUp/PageDown through useLessonKeys).
import { useTranslation } from 'react-i18next'
import { Link } from '../../components/Link'
import { currentRoute, navigate } from '../../routing/navigation'
import { withoutLesson } from '../../routing/route'
import { ExerciseBox } from './ExerciseBox'
import { LESSONS, type Lesson } from './lessonCatalog'
import { stepTextKey } from './stepText'
import type { StepMoves } from './useLessonKeys'

interface LessonPanelProps {
  readonly lesson: Lesson
  readonly index: number
  readonly moves: StepMoves
  readonly samplesRoot: string
  /** The student moved from the step into the view: offer the way back to the step. */
  readonly exploring: boolean
}

export function LessonPanel({ lesson, index, moves, samplesRoot, exploring }: LessonPanelProps) {
  const { t } = useTranslation('lessons')
  const step = lesson.steps[index]
  const position = LESSONS.indexOf(lesson)
  const isFirst = position === 0 && index === 0
  const after = LESSONS[position + 1]
  const isLast = index === lesson.steps.length - 1
  return (
    <aside className="lesson-panel" data-testid="lesson-panel" aria-label={t('panel.label')}>
      <div className="lesson-exits">
        <Link to={{ view: 'lessons' }} className="lesson-back">
          {t('panel.allLessons')}
        </Link>
        <button
          type="button"
          className="button-secondary lesson-leave"
          data-testid="lesson-leave"
          onClick={() => navigate(withoutLesson(currentRoute()), { leaveLesson: true })}
        >
          {t('panel.leave')}
        </button>
      </div>
      <h2 className="lesson-title" data-testid="lesson-title">
        {t(`${lesson.id}.title`)}
      </h2>
      <p className="lesson-progress muted" data-testid="lesson-progress">
        {t('panel.stepOf', { step: index + 1, total: lesson.steps.length })}
      </p>
      <p className="lesson-text" data-testid="lesson-text" aria-live="polite">
        {t(stepTextKey(lesson.id, index))}
      </p>
      {exploring ? (
        <p className="lesson-exploring" data-testid="lesson-exploring">
          {t('panel.exploring')}{' '}
          <button
            type="button"
            className="link-button"
            data-testid="lesson-back-to-step"
            onClick={moves.current}
          >
            {t('panel.backToStep')}
          </button>
        </p>
      ) : null}
      {step?.exercise ? (
        <ExerciseBox key={step.exercise} exercise={step.exercise} samplesRoot={samplesRoot} />
      ) : null}
      <nav className="lesson-moves">
        <button
          type="button"
          className="button-secondary"
          data-testid="lesson-previous"
          disabled={isFirst}
          onClick={moves.previous}
        >
          {t('panel.previous')}
        </button>
        <button
          type="button"
          className="button-primary"
          data-testid="lesson-next"
          disabled={isLast && !after}
          onClick={moves.next}
        >
          {isLast && after
            ? t('panel.nextLesson', { title: t(`${after.id}.title`) })
            : t('panel.next')}
        </button>
      </nav>
      <p className="hint lesson-keys">{t('panel.keys')}</p>
    </aside>
  )
}
