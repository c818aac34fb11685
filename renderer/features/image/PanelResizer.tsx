// The details panel's left edge: drag it, or focus it and press ← / → (Shift for bigger
// steps, Home / End for the narrowest / widest), to change how wide the panel is.
import { useRef, type KeyboardEvent, type PointerEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { clampDetailsWidth, MIN_DETAILS_WIDTH } from './detailsWidth'

interface PanelResizerProps {
  /** Called with the new width in pixels, already clamped to the row. */
  readonly onResize: (width: number) => void
}

const KEY_STEP = 24

/** The panel (the resizer's parent) and the row it shares with the graph. */
function measure(handle: HTMLElement): { readonly panel: number; readonly row: number } {
  const panel = handle.parentElement
  const row = panel?.parentElement
  return {
    panel: panel?.getBoundingClientRect().width ?? MIN_DETAILS_WIDTH,
    row: row?.getBoundingClientRect().width ?? window.innerWidth,
  }
}

export function PanelResizer({ onResize }: PanelResizerProps) {
  const { t } = useTranslation('image')
  const drag = useRef<{ readonly x: number; readonly panel: number; readonly row: number }>(
    undefined,
  )

  const onPointerDown = (event: PointerEvent<HTMLDivElement>): void => {
    if (event.button !== 0) return
    event.preventDefault()
    event.currentTarget.setPointerCapture(event.pointerId)
    drag.current = { x: event.clientX, ...measure(event.currentTarget) }
  }
  const onPointerMove = (event: PointerEvent<HTMLDivElement>): void => {
    const start = drag.current
    if (!start) return
    // The panel is on the right: moving its left edge leftwards widens it.
    onResize(clampDetailsWidth(start.panel + start.x - event.clientX, start.row))
  }
  const onPointerEnd = (): void => {
    drag.current = undefined
  }
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const { panel, row } = measure(event.currentTarget)
    const step = event.shiftKey ? KEY_STEP * 4 : KEY_STEP
    const widths: Record<string, number> = {
      ArrowLeft: panel + step,
      ArrowRight: panel - step,
      Home: MIN_DETAILS_WIDTH,
      End: row,
    }
    const next = widths[event.key]
    if (next === undefined) return
    event.preventDefault()
    onResize(clampDetailsWidth(next, row))
  }

  return (
    <div
      className="panel-resizer"
      role="separator"
      aria-orientation="vertical"
      aria-label={t('details.resize')}
      title={t('details.resizeTitle')}
      tabIndex={0}
      data-testid="details-resizer"
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerEnd}
      onPointerCancel={onPointerEnd}
      onKeyDown={onKeyDown}
    />
  )
}
