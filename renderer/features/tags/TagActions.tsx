// The per-tag actions at the end of a row: its history, and a comparison with what came before
// it (previousImage.ts). Buttons inside a clickable row: they never open the row itself.
import type { MouseEvent } from 'react'
import { useNavigate } from '../../routing/navigation'
import type { PreviousImage } from './previousImage'

interface TagActionsProps {
  readonly tag: string
  readonly repository: string
  readonly imageRef: string
  readonly previous: PreviousImage | undefined
}

export function TagActions({ tag, repository, imageRef, previous }: TagActionsProps) {
  const navigate = useNavigate()
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
        title={`How ${tag} moved over time`}
        onClick={(event) => act(event, () => navigate({ view: 'history', ref: repository, tag }))}
      >
        History
      </button>
      <button
        type="button"
        className="button-secondary button-small"
        data-testid="tag-compare-prev"
        disabled={!previous}
        title={
          previous
            ? `Compare ${tag} with ${previous.ref}: ${previous.reason}`
            : 'No earlier image known yet: record history, or let the other tags resolve (sort by date)'
        }
        onClick={(event) =>
          act(event, () => {
            if (previous) navigate({ view: 'compare', ref: imageRef, with: [previous.ref] })
          })
        }
      >
        vs previous
      </button>
    </span>
  )
}
