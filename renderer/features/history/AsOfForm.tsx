// "Tag X as of date D": which digest the journal says the tag had then, and how sure it is
// ('observed': seen there before and after D; 'last-known': the last sighting before D).
import { useQuery } from '@tanstack/react-query'
import { useId, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { shortDigest } from '../../../shared/digest'
import { asApiError } from '../../api/ApiCallError'
import { call } from '../../api/client'
import { ErrorPanel } from '../../components/ErrorPanel'
import { Link } from '../../components/Link'
import { Spinner } from '../../components/Spinner'
import { refForDigest } from '../../routing/refs'
import { useTimeText } from './useTimeText'

interface AsOfFormProps {
  readonly repository: string
  readonly tags: readonly string[]
  readonly initialTag?: string
  readonly initialAt?: string
  /** Remembers the question in the URL (tag=, at=). */
  readonly onAsk: (tag: string, at: string) => void
}

export function AsOfForm({ repository, tags, initialTag, initialAt, onAsk }: AsOfFormProps) {
  const { t } = useTranslation('history')
  const { instant } = useTimeText()
  const tagId = useId()
  const atId = useId()
  const [tag, setTag] = useState(initialTag ?? tags[0] ?? '')
  const [at, setAt] = useState(initialAt ?? new Date().toISOString().slice(0, 10))
  const [asked, setAsked] = useState<{ tag: string; at: string } | undefined>(
    initialTag && initialAt ? { tag: initialTag, at: initialAt } : undefined,
  )
  const answer = useQuery({
    queryKey: ['history', 'asOf', repository, asked?.tag, asked?.at],
    queryFn: ({ signal }) =>
      call('history:asOf', { repository, tag: asked?.tag ?? '', at: asked?.at ?? '' }, signal),
    enabled: asked !== undefined,
    retry: false,
  })
  const submit = (event: FormEvent): void => {
    event.preventDefault()
    if (!tag || !at) return
    setAsked({ tag, at })
    onAsk(tag, at)
  }
  return (
    <section className="history-asof">
      <h3>{t('asOf.title')}</h3>
      <form className="asof-form" data-testid="history-asof-form" onSubmit={submit}>
        <label htmlFor={tagId}>{t('asOf.tag')}</label>
        <input
          id={tagId}
          list={`${tagId}-tags`}
          value={tag}
          data-testid="history-asof-tag"
          onChange={(event) => setTag(event.target.value)}
        />
        <datalist id={`${tagId}-tags`}>
          {tags.map((name) => (
            <option key={name} value={name} />
          ))}
        </datalist>
        <label htmlFor={atId}>{t('asOf.at')}</label>
        <input
          id={atId}
          value={at}
          data-testid="history-asof-at"
          placeholder={t('asOf.placeholder')}
          onChange={(event) => setAt(event.target.value)}
        />
        <button type="submit" className="button-secondary">
          {t('asOf.lookUp')}
        </button>
      </form>
      {answer.isFetching ? <Spinner inline label={t('asOf.reading')} /> : null}
      {answer.isError && asked !== undefined && asApiError(answer.error).code === 'NOT_FOUND' ? (
        // The journal has no answer: say why from what the timeline shows, in the language shown
        // (the main side's NOT_FOUND sentence is English).
        <p className="hint" data-testid="history-asof-unknown">
          {tags.includes(asked.tag)
            ? t('asOf.unknownBefore', { tag: asked.tag, at: asked.at })
            : t('asOf.neverSeen', { tag: asked.tag })}
        </p>
      ) : answer.isError ? (
        <ErrorPanel compact error={answer.error} />
      ) : null}
      {answer.data ? (
        <p
          className="asof-answer"
          data-testid="history-asof-answer"
          data-tag={answer.data.tag}
          data-digest={answer.data.digest}
        >
          <span className="mono">{answer.data.tag}</span> {t('asOf.answer', { at: asked?.at })}{' '}
          <Link
            className="mono"
            to={{ view: 'graph', ref: refForDigest(repository, answer.data.digest) }}
            testId="history-asof-open"
          >
            {shortDigest(answer.data.digest, 12)}
          </Link>{' '}
          <span
            className={`badge certainty-${answer.data.certainty}`}
            data-testid="history-asof-certainty"
          >
            {answer.data.certainty === 'observed' ? t('asOf.observed') : t('asOf.lastKnown')}
          </span>{' '}
          <span className="muted">
            {answer.data.certainty === 'observed'
              ? t('asOf.seenFromTo', {
                  from: instant(answer.data.segment.from),
                  to: instant(answer.data.segment.to),
                })
              : t('asOf.lastSeen', { when: instant(answer.data.segment.to) })}
          </span>
        </p>
      ) : null}
    </section>
  )
}
