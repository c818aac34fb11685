// One tag: its name at once, then — once the row is on screen — what it resolves to: digest,
// kind, total size, platforms; a spinner until then and an error with Retry if it failed.
import { useRef } from 'react'
import type { ImageSummary } from '../../../shared/api'
import { shortDigest } from '../../../shared/digest'
import { formatBytes } from '../../../shared/format'
import { describeMediaType } from '../../../shared/oci/mediaTypes'
import { asApiError } from '../../api/ApiCallError'
import { CopyButton } from '../../components/CopyButton'
import { Spinner } from '../../components/Spinner'
import { useOnScreen } from '../../components/useOnScreen'
import { formatDay, formatInstant } from '../../components/timeFormat'
import type { PreviousImage } from './previousImage'
import type { SharedGroup } from './sharedDigests'
import { TagActions } from './TagActions'
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
  const row = useRef<HTMLLIElement>(null)
  const onScreen = useOnScreen(row, ON_SCREEN_SETTLE_MS)
  const summary = useTagSummary(imageRef, onScreen)
  const failed = summary.isError && !summary.data
  const others = shared?.tags.filter((t) => t !== tag).join(', ')
  return (
    <li
      ref={row}
      className="row tag-row"
      data-testid="tag-item"
      data-tag={tag}
      aria-posinset={position}
      aria-setsize={total}
      onClick={onOpen}
    >
      <button type="button" className="row-open" data-row-focus title={`Open the graph of ${tag}`}>
        <span className="row-name tag-name">{tag}</span>
        {summary.data ? (
          <SummaryCells summary={summary.data} />
        ) : failed ? (
          <span className="tag-error" title={asApiError(summary.error).message}>
            <span className="error-icon" aria-hidden="true">
              !
            </span>
            <span className="tag-error-text">{asApiError(summary.error).message}</span>
          </span>
        ) : summary.fetchStatus === 'fetching' ? (
          <Spinner inline label="resolving…" />
        ) : null}
      </button>
      {shared ? (
        <span
          className={`shared-marker shared-${shared.index % 6}`}
          title={`Same image as ${others}`}
          aria-label={`same digest as ${others}`}
        >
          ≡
        </span>
      ) : null}
      {summary.data ? <CopyButton text={summary.data.digest} what={`digest of ${tag}`} /> : null}
      <TagActions tag={tag} repository={repository} imageRef={imageRef} previous={previous} />
      {failed ? (
        <button
          type="button"
          className="button-secondary button-small"
          onClick={(event) => {
            event.stopPropagation()
            void summary.refetch()
          }}
        >
          Retry
        </button>
      ) : null}
    </li>
  )
}

/** At most this many platform chips; the rest are counted, so every row keeps one height. */
const MAX_PLATFORM_CHIPS = 3

export function SummaryCells({
  summary,
  showDigest = true,
}: {
  readonly summary: ImageSummary
  readonly showDigest?: boolean
}) {
  const info = describeMediaType(summary.mediaType)
  const extra = summary.platforms.length - MAX_PLATFORM_CHIPS
  return (
    <>
      {showDigest ? (
        <span className="tag-digest mono" title={summary.digest}>
          {shortDigest(summary.digest, 12)}
        </span>
      ) : null}
      <span className="tag-kind">
        <span className={`kind-label kind-${summary.kind}`} title={summary.mediaType}>
          {info.label}
        </span>
      </span>
      <span
        className="tag-created"
        data-testid="tag-created"
        title={summary.created ? `created ${formatInstant(summary.created)}` : 'no created time'}
      >
        {summary.created ? formatDay(summary.created) : '—'}
      </span>
      <span className="tag-size">{formatBytes(summary.totalSize)}</span>
      <span className="tag-platforms" title={summary.platforms.join(', ')}>
        {summary.platforms.slice(0, MAX_PLATFORM_CHIPS).map((platform) => (
          <span key={platform} className="chip">
            {platform}
          </span>
        ))}
        {extra > 0 ? <span className="chip chip-more">+{extra}</span> : null}
      </span>
    </>
  )
}
