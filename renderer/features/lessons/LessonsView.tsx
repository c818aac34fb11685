// view=lessons: the list of lessons, or (with lesson=ID&step=N) one step beside the real view
// it drives. The frame passes renderTarget, which draws any route's view: lessons never import
// other features, they only say which route to show.
import { useQuery } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { call } from '../../api/client'
import { queryKeys } from '../../api/queryKeys'
import { ErrorPanel } from '../../components/ErrorPanel'
import { Link } from '../../components/Link'
import { EmptyState, LoadingBlock } from '../../components/Spinner'
import type { Route } from '../../routing/route'
import { findLesson } from './lessonCatalog'
import { LessonList } from './LessonList'
import { LessonStepView } from './LessonStepView'
import '../../styles/lessons.css'

interface LessonsViewProps {
  readonly route: Route
  readonly renderTarget: (target: Route) => ReactNode
  /** Set when the student moved from the step into the view (clicked a node, a layer…). */
  readonly exploring?: Route
}

export function LessonsView({ route, renderTarget, exploring }: LessonsViewProps) {
  const { t } = useTranslation('lessons')
  const info = useQuery({
    queryKey: queryKeys.appInfo,
    queryFn: ({ signal }) => call('app:info', {}, signal),
    staleTime: Infinity,
  })
  if (route.lesson === undefined) return <LessonList />
  const lesson = findLesson(route.lesson)
  if (!lesson) {
    return (
      <EmptyState title={t('unknown.title', { id: route.lesson })} testId="lesson-unknown">
        {t('unknown.body')} <Link to={{ view: 'lessons' }}>{t('panel.allLessons')}</Link>
      </EmptyState>
    )
  }
  if (info.isPending) return <LoadingBlock label={t('exercise.loading')} />
  if (info.isError) return <ErrorPanel error={info.error} onRetry={() => void info.refetch()} />
  return (
    <LessonStepView
      lesson={lesson}
      step={route.step}
      samplesRoot={info.data.samplesRoot}
      renderTarget={renderTarget}
      exploring={exploring}
      route={route}
    />
  )
}
