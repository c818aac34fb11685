// One tag: its name at once, then what it resolves to as the summary arrives — digest, kind,
// total size, platforms — with a spinner until then and an error icon if it failed.
import type { ImageSummary } from '../../../shared/api'
import { shortDigest } from '../../../shared/digest'
import { formatBytes } from '../../../shared/format'
import { describeMediaType } from '../../../shared/oci/mediaTypes'
import { asApiError } from '../../api/ApiCallError'
import { CopyButton } from '../../components/CopyButton'
import { Spinner } from '../../components/Spinner'
import type { SharedGroup } from './sharedDigests'

interface TagRowProps {
  readonly tag: string
  readonly summary: ImageSummary | undefined
  readonly error: unknown
  readonly pending: boolean
  readonly shared: SharedGroup | undefined
  readonly onOpen: () => void
  readonly onRetry: () => void
}

export function TagRow({ tag, summary, error, pending, shared, onOpen, onRetry }: TagRowProps) {
  const failed = error !== null && error !== undefined && !summary
  return (
    <li className="row tag-row" data-testid="tag-item" data-tag={tag} onClick={onOpen}>
      <button type="button" className="row-open" data-row-focus title={`Open the graph of ${tag}`}>
        <span className="row-name tag-name">{tag}</span>
        {summary ? (
          <SummaryCells summary={summary} />
        ) : failed ? (
          <span className="tag-error" title={asApiError(error).message}>
            <span className="error-icon" aria-hidden="true">
              !
            </span>
            <span className="tag-error-text">{asApiError(error).message}</span>
          </span>
        ) : pending ? (
          <Spinner inline label="resolving…" />
        ) : null}
      </button>
      {shared ? (
        <span
          className={`shared-marker shared-${shared.index % 6}`}
          title={`Same image as ${shared.tags.filter((t) => t !== tag).join(', ')}`}
          aria-label={`same digest as ${shared.tags.filter((t) => t !== tag).join(', ')}`}
        >
          ≡
        </span>
      ) : null}
      {summary ? <CopyButton text={summary.digest} what={`digest of ${tag}`} /> : null}
      {failed ? (
        <button
          type="button"
          className="button-secondary button-small"
          onClick={(event) => {
            event.stopPropagation()
            onRetry()
          }}
        >
          Retry
        </button>
      ) : null}
    </li>
  )
}

function SummaryCells({ summary }: { readonly summary: ImageSummary }) {
  const info = describeMediaType(summary.mediaType)
  return (
    <>
      <span className="tag-digest mono" title={summary.digest}>
        {shortDigest(summary.digest, 12)}
      </span>
      <span className={`kind-label kind-${summary.kind}`} title={summary.mediaType}>
        {info.label}
      </span>
      <span className="tag-size">{formatBytes(summary.totalSize)}</span>
      <span className="tag-platforms">
        {summary.platforms.map((platform) => (
          <span key={platform} className="chip">
            {platform}
          </span>
        ))}
      </span>
    </>
  )
}
