// "Group by digest": one row per image, with every tag that names it ("v1 · latest"), in the
// same columns as the tag rows. Opening the row opens the image by digest, which is what all
// these tags share; History and "vs previous" act on the first tag of the group.
import { useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { DigestLink } from '../../components/DigestLink'
import { useOnScreen } from '../../components/useOnScreen'
import { refForDigest, refForTag } from '../../routing/refs'
import type { PreviousImage } from './previousImage'
import { TagActions } from './TagActions'
import { SummaryCells } from './TagRow'
import { ON_SCREEN_SETTLE_MS, useTagSummary } from './tagSummaries'

interface TagGroupRowProps {
  readonly repository: string
  readonly digest: string
  readonly tags: readonly string[]
  /** "vs previous" of the group's first tag. */
  readonly previous: PreviousImage | undefined
  readonly position: number
  readonly total: number
  readonly onOpen: () => void
}

export function TagGroupRow({
  repository,
  digest,
  tags,
  previous,
  position,
  total,
  onOpen,
}: TagGroupRowProps) {
  const { t } = useTranslation('tags')
  const row = useRef<HTMLLIElement>(null)
  const onScreen = useOnScreen(row, ON_SCREEN_SETTLE_MS)
  const first = tags[0] ?? ''
  // Already resolved (that is how the group is known); read from the cache.
  const summary = useTagSummary(refForTag(repository, first), onScreen)
  const names = tags.join(' · ')
  const pinned = refForDigest(repository, digest)
  return (
    <li
      ref={row}
      className="row tag-row tag-group-row tag-columns"
      data-testid="tag-group"
      data-digest={digest}
      aria-posinset={position}
      aria-setsize={total}
      onClick={onOpen}
    >
      <button
        type="button"
        className="row-open tag-cell"
        data-row-focus
        title={t('group.open', { names, digest })}
      >
        <span className="row-name tag-group-names">{names}</span>
        {tags.length > 1 ? <span className="chip tag-count">{tags.length}</span> : null}
      </button>
      {summary.data ? (
        <SummaryCells summary={summary.data} imageRef={pinned} />
      ) : (
        <span className="tag-cell tag-wide">
          <DigestLink digest={digest} kind="manifest" imageRef={pinned} testId="tag-digest-link" />
        </span>
      )}
      <span className="tag-cell tag-shared" />
      <span className="tag-cell tag-actions-cell">
        <TagActions
          tag={first}
          repository={repository}
          imageRef={refForTag(repository, first)}
          previous={previous}
        />
      </span>
    </li>
  )
}
