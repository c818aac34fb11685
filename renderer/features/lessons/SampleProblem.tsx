// A step whose sample cannot be opened says which sample, where Strata looked, and how to
// rebuild the samples, instead of the view's bare error.
import { useTranslation } from 'react-i18next'
import type { ApiError } from '../../../shared/errors'
import { sampleSource, type SampleName } from '../../../shared/samples'

const REBUILD_COMMAND = 'npm run samples'

interface SampleProblemProps {
  readonly sample: SampleName
  readonly samplesRoot: string
  readonly error: ApiError
  readonly onRetry: () => void
}

function sampleLocation(samplesRoot: string, sample: SampleName): string {
  const source = sampleSource(samplesRoot, sample)
  return source.transport === 'containers-storage'
    ? (source.store?.graphRoot ?? samplesRoot)
    : 'path' in source
      ? source.path
      : samplesRoot
}

export function SampleProblem({ sample, samplesRoot, error, onRetry }: SampleProblemProps) {
  const { t } = useTranslation('lessons')
  return (
    <section
      className="lesson-sample-problem"
      data-testid="lesson-sample-problem"
      data-sample={sample}
      data-code={error.code}
      role="alert"
    >
      <p className="lesson-sample-problem-title">{t('sample.problem', { sample })}</p>
      <p>
        <RebuildSentence />
      </p>
      <p className="muted mono-inline">
        {t('sample.where', { path: sampleLocation(samplesRoot, sample) })}
      </p>
      <button type="button" className="button-secondary" onClick={onRetry}>
        {t('sample.retry')}
      </button>
    </section>
  )
}

const MARK = '\u0000'

/** The rebuild sentence with the command set apart as code. */
function RebuildSentence() {
  const { t } = useTranslation('lessons')
  // A marker in place of the command, so the sentence's word order stays the translator's.
  const [before, after] = t('sample.rebuild', { command: MARK }).split(MARK)
  return (
    <>
      {before}
      <code>{REBUILD_COMMAND}</code>
      {after}
    </>
  )
}
