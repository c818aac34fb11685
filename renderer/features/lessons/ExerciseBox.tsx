// A step's exercise: the question, an answer field (a number, one tag, or several tags) and a
// check against what the sample's real data says. A wrong answer can be changed and checked again.
import { useQuery } from '@tanstack/react-query'
import { useId, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { checkAnswer, type ExerciseAnswer, type GivenAnswer } from './exerciseAnswer'
import { loadExercise } from './exercises'
import type { ExerciseId } from './lessonCatalog'

interface ExerciseBoxProps {
  readonly exercise: ExerciseId
  readonly samplesRoot: string
}

type Verdict = 'right' | 'wrong' | undefined

export function ExerciseBox({ exercise, samplesRoot }: ExerciseBoxProps) {
  const { t } = useTranslation('lessons')
  const answer = useQuery({
    queryKey: ['lessons', 'exercise', exercise, samplesRoot],
    queryFn: ({ signal }) => loadExercise(exercise, samplesRoot, signal),
    staleTime: Infinity,
    retry: false,
  })
  const titleId = useId()
  return (
    <section
      className="lesson-exercise"
      data-testid="lesson-exercise"
      data-exercise={exercise}
      aria-labelledby={titleId}
    >
      <h3 id={titleId} className="lesson-exercise-title">
        {t('exercise.title')}
      </h3>
      <p className="lesson-exercise-question">{t(`exercise.${exercise}`)}</p>
      {answer.isPending ? (
        <p className="muted">{t('exercise.loading')}</p>
      ) : answer.isError ? (
        <p className="lesson-verdict wrong" data-testid="lesson-exercise-failed" role="alert">
          {t('exercise.failed')}
        </p>
      ) : (
        <AnswerForm key={exercise} answer={answer.data} />
      )}
    </section>
  )
}

function AnswerForm({ answer }: { readonly answer: ExerciseAnswer }) {
  const { t } = useTranslation('lessons')
  const [typed, setTyped] = useState('')
  const [chosen, setChosen] = useState<readonly string[]>([])
  const [verdict, setVerdict] = useState<Verdict>()
  const inputId = useId()

  const given = (): GivenAnswer => (answer.kind === 'number' ? Number(typed.trim()) : chosen)
  const submit = (event: FormEvent): void => {
    event.preventDefault()
    setVerdict(checkAnswer(answer, given()) ? 'right' : 'wrong')
  }
  const toggle = (option: string): void => {
    setVerdict(undefined)
    setChosen((now) =>
      answer.kind === 'one'
        ? [option]
        : now.includes(option)
          ? now.filter((o) => o !== option)
          : [...now, option],
    )
  }

  return (
    <form className="lesson-answer" onSubmit={submit} data-testid="lesson-answer">
      {answer.kind === 'number' ? (
        <label htmlFor={inputId} className="lesson-answer-number">
          <span>{t('exercise.answer')}</span>
          <input
            id={inputId}
            type="number"
            inputMode="numeric"
            min={0}
            value={typed}
            data-testid="lesson-answer-number"
            onChange={(event) => {
              setVerdict(undefined)
              setTyped(event.target.value)
            }}
          />
        </label>
      ) : (
        <fieldset className="lesson-answer-options">
          <legend className="sr-only">{t('exercise.answer')}</legend>
          {answer.options.map((option) => (
            <label key={option} className="lesson-answer-option">
              <input
                type={answer.kind === 'one' ? 'radio' : 'checkbox'}
                name="lesson-answer"
                value={option}
                checked={chosen.includes(option)}
                data-testid="lesson-answer-option"
                data-option={option}
                onChange={() => toggle(option)}
              />
              <span className="mono">{option}</span>
            </label>
          ))}
        </fieldset>
      )}
      <button type="submit" className="button-primary button-small" data-testid="lesson-check">
        {t('exercise.check')}
      </button>
      {verdict ? (
        <p
          className={`lesson-verdict ${verdict}`}
          data-testid="lesson-verdict"
          data-verdict={verdict}
          role="status"
        >
          {t(verdict === 'right' ? 'exercise.right' : 'exercise.wrong')}
        </p>
      ) : null}
    </form>
  )
}
