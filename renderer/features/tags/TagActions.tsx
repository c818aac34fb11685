// The per-tag actions at the end of a row: its history, and a comparison with what came before
// it (previousImage.ts). Buttons inside a clickable row: they never open the row itself.
import type { MouseEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useFormat } from '../../i18n/useFormat'
import { useNavigate } from '../../routing/navigation'
import type { PreviousImage, PreviousReason } from './previousImage'

interface TagActionsProps {
  readonly tag: string
  readonly repository: string
  readonly imageRef: string
  readonly previous: PreviousImage | undefined
}

export function TagActions({ tag, repository, imageRef, previous }: TagActionsProps) {
  const navigate = useNavigate()
  const { t } = useTranslation('tags')
  const format = useFormat()
  const because = (reason: PreviousReason): string =>
    reason.kind === 'moved'
      ? t('actions.movedReason', { tag: reason.tag, until: format.date(reason.until) })
      : t('actions.olderReason', { tag: reason.tag, created: format.date(reason.created) })
  const act = (event: MouseEvent, run: () => void): void => {
    event.stopPropagation()
    run()
  }
  return (
    <span className="tag-actions">
      <button
        type="button"
        className="button-secondary button-small"
        data-testid="tag-history"
        title={t('actions.historyTitle', { tag })}
        onClick={(event) => act(event, () => navigate({ view: 'history', ref: repository, tag }))}
      >
        {t('actions.history')}
      </button>
      <button
        type="button"
        className="button-secondary button-small"
        data-testid="tag-compare-prev"
        disabled={!previous}
        title={
          previous
            ? t('actions.previousTitle', {
                tag,
                ref: previous.ref,
                reason: because(previous.reason),
              })
            : t('actions.noPrevious')
        }
        onClick={(event) =>
          act(event, () => {
            if (previous) navigate({ view: 'compare', ref: imageRef, with: [previous.ref] })
          })
        }
      >
        {t('actions.previous')}
      </button>
    </span>
  )
}
