// "Group by digest": one row per image, with every tag that names it ("v1 · latest → sha256:…").
// Opening the row opens the image by digest, which is what all these tags share.
import { useRef } from 'react'
import { shortDigest } from '../../../shared/digest'
import { CopyButton } from '../../components/CopyButton'
import { useOnScreen } from '../../components/useOnScreen'
import { refForTag } from '../../routing/refs'
import { SummaryCells } from './TagRow'
import { ON_SCREEN_SETTLE_MS, useTagSummary } from './tagSummaries'

interface TagGroupRowProps {
  readonly repository: string
  readonly digest: string
  readonly tags: readonly string[]
  readonly position: number
  readonly total: number
  readonly onOpen: () => void
}

export function TagGroupRow({
  repository,
  digest,
  tags,
  position,
  total,
  onOpen,
}: TagGroupRowProps) {
  const row = useRef<HTMLLIElement>(null)
  const onScreen = useOnScreen(row, ON_SCREEN_SETTLE_MS)
  // Already resolved (that is how the group is known); read from the cache.
  const summary = useTagSummary(refForTag(repository, tags[0] ?? ''), onScreen)
  const names = tags.join(' · ')
  return (
    <li
      ref={row}
      className="row tag-row tag-group-row"
      data-testid="tag-group"
      data-digest={digest}
      aria-posinset={position}
      aria-setsize={total}
      onClick={onOpen}
    >
      <button
        type="button"
        className="row-open"
        data-row-focus
        title={`${names} → ${digest}\nOpen the image by digest`}
      >
        <span className="row-name tag-group-names">{names}</span>
        <span className="tag-group-arrow" aria-label="point at">
          →
        </span>
        <span className="tag-digest mono">{shortDigest(digest, 12)}</span>
        {tags.length > 1 ? <span className="chip">{tags.length} tags</span> : null}
        {summary.data ? <SummaryCells summary={summary.data} showDigest={false} /> : null}
      </button>
      <CopyButton text={digest} what={`digest shared by ${names}`} />
    </li>
  )
}
