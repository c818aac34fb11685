// One step of a lesson: the lesson panel beside the real view the step drives, with what the
// step talks about outlined. The step's sample is opened first, so a missing or damaged sample
// is reported as such (and how to rebuild it) rather than as the view's own error.
import { useQuery } from '@tanstack/react-query'
import { useMemo, useRef, type ReactNode } from 'react'
import { sampleRef } from '../../../shared/samples'
import { asApiError } from '../../api/ApiCallError'
import { call } from '../../api/client'
import { queryKeys } from '../../api/queryKeys'
import { LoadingBlock } from '../../components/Spinner'
import { navigate } from '../../routing/navigation'
import type { Route } from '../../routing/route'
import { useTranslation } from 'react-i18next'
import { LESSONS, stepIndex, type Lesson } from './lessonCatalog'
import { LessonPanel } from './LessonPanel'
import { SampleProblem } from './SampleProblem'
import { useLessonHighlight } from './useLessonHighlight'
import { useLessonKeys, type StepMoves } from './useLessonKeys'

interface LessonStepViewProps {
  readonly lesson: Lesson
  readonly step: string | undefined
  readonly samplesRoot: string
  readonly renderTarget: (target: Route) => ReactNode
}

function goTo(lesson: Lesson, index: number): void {
  navigate({ view: 'lessons', lesson: lesson.id, step: String(index + 1) })
}

/** Moves through the course: past a lesson's last step comes the next lesson's first. */
function stepMoves(lesson: Lesson, index: number): StepMoves {
  const position = LESSONS.indexOf(lesson)
  const before = LESSONS[position - 1]
  const after = LESSONS[position + 1]
  const last = lesson.steps.length - 1
  return {
    previous: () => {
      if (index > 0) goTo(lesson, index - 1)
      else if (before) goTo(before, before.steps.length - 1)
    },
    next: () => {
      if (index < last) goTo(lesson, index + 1)
      else if (after) goTo(after, 0)
    },
    first: () => goTo(lesson, 0),
    last: () => goTo(lesson, last),
  }
}

export function LessonStepView({ lesson, step, samplesRoot, renderTarget }: LessonStepViewProps) {
  const { t } = useTranslation('lessons')
  const index = stepIndex(lesson, step)
  const current = lesson.steps[index] ?? lesson.steps[0]
  const moves = useMemo(() => stepMoves(lesson, index), [lesson, index])
  useLessonKeys(moves)

  const target = useMemo(() => current?.target(samplesRoot), [current, samplesRoot])
  const sample = current?.sample
  const ref = sample ? sampleRef(samplesRoot, sample) : ''
  const opened = useQuery({
    queryKey: queryKeys.summary(ref),
    queryFn: ({ signal }) => call('image:summary', { ref }, signal),
    enabled: ref !== '',
    staleTime: Infinity,
    retry: false,
  })

  const targetArea = useRef<HTMLDivElement>(null)
  const highlighted = useLessonHighlight(
    targetArea,
    current?.highlight ?? '',
    `${lesson.id}/${index}/${opened.status}`,
  )
  if (!current || !target || !sample) return null

  return (
    <div
      className="lesson-layout"
      data-testid="lesson-layout"
      data-lesson={lesson.id}
      data-step={index + 1}
      data-highlighted={highlighted}
    >
      <LessonPanel lesson={lesson} index={index} moves={moves} samplesRoot={samplesRoot} />
      <div className="lesson-target" ref={targetArea} data-testid="lesson-target">
        {opened.isPending ? (
          <LoadingBlock label={t('sample.checking', { sample })} />
        ) : opened.isError ? (
          <SampleProblem
            sample={sample}
            samplesRoot={samplesRoot}
            error={asApiError(opened.error)}
            onRetry={() => void opened.refetch()}
          />
        ) : (
          renderTarget(target)
        )}
      </div>
    </div>
  )
}
