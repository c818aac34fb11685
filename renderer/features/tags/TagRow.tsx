// One tag: its name at once, then — once the row is on screen — what it resolves to: digest
// (a link to that manifest or index), kind, image created date, total size, platforms; a
// spinner until then and an error with Retry if it failed. Cells sit in the table's columns
// (tagColumns.ts, tags.css), the same as the header's and the grouped rows'.
import { useRef } from 'react'
import { useTranslation } from 'react-i18next'
import type { ImageSummary } from '../../../shared/api'
import { describeMediaType } from '../../../shared/oci/mediaTypes'
import { asApiError } from '../../api/ApiCallError'
import { DigestLink } from '../../components/DigestLink'
import { describeError } from '../../components/errorText'
import { Spinner } from '../../components/Spinner'
import { useOnScreen } from '../../components/useOnScreen'
import { useFormat } from '../../i18n/useFormat'
import type { PreviousImage } from './previousImage'
import type { SharedGroup } from './sharedDigests'
import { TagActions } from './TagActions'
import { KIND_LABELS } from './tagColumns'
import { ON_SCREEN_SETTLE_MS, useTagSummary } from './tagSummaries'

interface TagRowProps {
  readonly tag: string
  readonly repository: string
  readonly imageRef: string
  /** What "Compare with previous digest" compares against; undefined: nothing known yet. */
  readonly previous: PreviousImage | undefined
  readonly shared: SharedGroup | undefined
  readonly position: number
  readonly total: number
  readonly onOpen: () => void
}

export function TagRow({
  tag,
  repository,
  imageRef,
  previous,
  shared,
  position,
  total,
  onOpen,
}: TagRowProps) {
  const { t } = useTranslation('tags')
  const row = useRef<HTMLLIElement>(null)
  const onScreen = useOnScreen(row, ON_SCREEN_SETTLE_MS)
  const summary = useTagSummary(imageRef, onScreen)
  const failed = summary.isError && !summary.data
  // Worded from the error code in the language shown (the main side's message is English).
  const failureText = failed ? describeError(asApiError(summary.error)) : undefined
  const others = shared?.tags.filter((t) => t !== tag).join(', ')
  return (
    <li
      ref={row}
      className="row tag-row tag-columns"
      data-testid="tag-item"
      data-tag={tag}
      data-digest={summary.data?.digest}
      aria-posinset={position}
      aria-setsize={total}
      onClick={onOpen}
    >
      <button
        type="button"
        className="row-open tag-cell"
        data-row-focus
        title={t('row.open', { tag })}
      >
        <span className="row-name tag-name">{tag}</span>
      </button>
      {summary.data ? (
        <SummaryCells summary={summary.data} imageRef={imageRef} />
      ) : failed ? (
        <span className="tag-cell tag-wide tag-error" title={failureText?.next}>
          <span className="error-icon" aria-hidden="true">
            !
          </span>
          <span className="tag-error-text">{failureText?.title}</span>
        </span>
      ) : (
        <span className="tag-cell tag-wide">
          {summary.fetchStatus === 'fetching' ? (
            <Spinner inline label={t('row.resolving')} />
          ) : null}
        </span>
      )}
      <span className="tag-cell tag-shared">
        {shared ? (
          <span
            className={`shared-marker shared-${shared.index % 6}`}
            title={t('row.sameImage', { others })}
            aria-label={t('row.sameDigest', { others })}
            data-testid="tag-shared-marker"
          >
            ≡
          </span>
        ) : null}
      </span>
      <span className="tag-cell tag-actions-cell">
        {failed ? (
          <button
            type="button"
            className="button-secondary button-small"
            onClick={(event) => {
              event.stopPropagation()
              void summary.refetch()
            }}
          >
            {t('row.retry')}
          </button>
        ) : (
          <TagActions tag={tag} repository={repository} imageRef={imageRef} previous={previous} />
        )}
      </span>
    </li>
  )
}

/** At most this many platform chips; the rest are counted, so every row keeps one height. */
const MAX_PLATFORM_CHIPS = 3

/** The digest, kind, created, size and platforms cells of a resolved tag or group. */
export function SummaryCells({
  summary,
  imageRef,
}: {
  readonly summary: ImageSummary
  /** The reference the digest belongs to (the tag's, or the repository pinned to it). */
  readonly imageRef: string
}) {
  const { t } = useTranslation('tags')
  const format = useFormat()
  const info = describeMediaType(summary.mediaType)
  const kindKey = KIND_LABELS.get(summary.mediaType)
  const extra = summary.platforms.length - MAX_PLATFORM_CHIPS
  return (
    <>
      <span className="tag-cell tag-digest">
        <DigestLink
          digest={summary.digest}
          kind={summary.kind === 'index' ? 'index' : 'manifest'}
          imageRef={imageRef}
          testId="tag-digest-link"
        />
      </span>
      <span className="tag-cell tag-kind">
        <span className={`kind-label kind-${summary.kind}`} title={summary.mediaType}>
          {kindKey ? t(kindKey) : info.label}
        </span>
      </span>
      <span
        className="tag-cell tag-created"
        data-testid="tag-created"
        title={
          summary.created
            ? t('row.created', { when: format.dateTime(summary.created) })
            : t('row.noCreated')
        }
      >
        {summary.created ? format.date(summary.created) : '—'}
      </span>
      <span className="tag-cell tag-size">{format.size(summary.totalSize)}</span>
      <span className="tag-cell tag-platforms" title={summary.platforms.join(', ')}>
        {summary.platforms.slice(0, MAX_PLATFORM_CHIPS).map((platform) => (
          <span key={platform} className="chip tag-platform">
            {platform}
          </span>
        ))}
        {extra > 0 ? <span className="chip chip-more">+{extra}</span> : null}
      </span>
    </>
  )
}
