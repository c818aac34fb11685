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
  /** The route the student moved to from this step; shown instead of the step's own view. */
  readonly exploring?: Route | undefined
  /** The lessons route itself: what the student picked in the step's view (node, path, …). */
  readonly route: Route
}

/** What a view records about the student's picks while it stays in view=lessons. */
const PICKS = ['node', 'layer', 'path', 'platform', 'tag', 'at'] as const

/** The step's target with the student's picks on top (a node clicked, a layer chosen). */
function withPicks(target: Route, route: Route): Route {
  const picked: { -readonly [K in keyof Route]: Route[K] } = { ...target }
  for (const key of PICKS) if (route[key] !== undefined) picked[key] = route[key]
  return picked
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
    current: () => goTo(lesson, index),
  }
}

export function LessonStepView({
  lesson,
  step,
  samplesRoot,
  renderTarget,
  exploring,
  route,
}: LessonStepViewProps) {
  const { t } = useTranslation('lessons')
  const index = stepIndex(lesson, step)
  const current = lesson.steps[index] ?? lesson.steps[0]
  const moves = useMemo(() => stepMoves(lesson, index), [lesson, index])
  useLessonKeys(moves)

  const target = useMemo(() => {
    const own = current?.target(samplesRoot)
    return own && withPicks(own, route)
  }, [current, samplesRoot, route])
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
      data-exploring={exploring !== undefined}
    >
      <LessonPanel
        lesson={lesson}
        index={index}
        moves={moves}
        samplesRoot={samplesRoot}
        exploring={exploring !== undefined}
      />
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
          renderTarget(exploring ?? target)
        )}
      </div>
    </div>
  )
}
