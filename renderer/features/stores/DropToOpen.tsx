// Drag and drop onto the window: a file or folder opens (desktop), or the user learns how to
// open it in web mode. Also keeps a dropped file from replacing the page, which is what a
// browser does by default.
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { asApiError } from '../../api/ApiCallError'
import { pathForFile } from '../../api/bridge'
import { transportKind } from '../../api/client'
import { useNavigate } from '../../routing/navigation'
import { decideDrop, webDropHint, type DroppedItems } from './dropDecision'
import { dropMessageText, dropMessageTone, type DropMessage } from './dropMessage'
import { PATH_INPUT_ID } from './OpenPathForm'
import { useProbeAndOpen } from './useProbeAndOpen'

const MESSAGE_SECONDS = 12

function carriesFiles(event: DragEvent): boolean {
  return event.dataTransfer?.types.includes('Files') ?? false
}

function isEditable(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLInputElement ||
    target instanceof HTMLTextAreaElement ||
    (target instanceof HTMLElement && target.isContentEditable)
  )
}

function droppedItems(transfer: DataTransfer, desktop: boolean): DroppedItems {
  const files = [...transfer.files]
  const text = transfer.getData('text/uri-list') || transfer.getData('text/plain')
  return {
    desktop,
    fileNames: files.map((file) => file.name),
    filePaths: desktop ? files.map(pathForFile) : [],
    ...(text ? { text } : {}),
  }
}

export function DropToOpen() {
  const { t } = useTranslation('stores')
  const navigate = useNavigate()
  const probe = useProbeAndOpen()
  const { mutate } = probe
  const [dragging, setDragging] = useState(false)
  const [message, setMessage] = useState<DropMessage | undefined>()
  const desktop = transportKind() === 'electron'

  useEffect(() => {
    let depth = 0
    const onEnter = (event: DragEvent): void => {
      if (!carriesFiles(event)) return
      depth++
      setDragging(true)
    }
    const onLeave = (event: DragEvent): void => {
      if (!carriesFiles(event)) return
      depth = Math.max(0, depth - 1)
      if (depth === 0) setDragging(false)
    }
    const onOver = (event: DragEvent): void => {
      // Files are always ours; text only where it would not be typed into a field.
      if (carriesFiles(event) || !isEditable(event.target)) {
        event.preventDefault()
        if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy'
      }
    }
    const onDrop = (event: DragEvent): void => {
      depth = 0
      setDragging(false)
      if (!event.dataTransfer || (!carriesFiles(event) && isEditable(event.target))) return
      event.preventDefault()
      const decision = decideDrop(droppedItems(event.dataTransfer, desktop))
      switch (decision.kind) {
        case 'ignore':
          return
        case 'hint':
          setMessage({ kind: 'hint' })
          document.getElementById(PATH_INPUT_ID)?.focus()
          return
        case 'noPath':
          setMessage(decision)
          return
        case 'open':
          setMessage(undefined)
          navigate({ view: 'graph', ref: decision.ref })
          return
        case 'probe': {
          const several: DropMessage | undefined = decision.several && {
            kind: 'several',
            ...decision.several,
          }
          setMessage(several ?? { kind: 'opening', path: decision.path })
          mutate(decision.path, {
            onSuccess: () => setMessage(several),
            onError: (error) => setMessage({ kind: 'failed', error: asApiError(error) }),
          })
        }
      }
    }
    window.addEventListener('dragenter', onEnter)
    window.addEventListener('dragleave', onLeave)
    window.addEventListener('dragover', onOver)
    window.addEventListener('drop', onDrop)
    return () => {
      window.removeEventListener('dragenter', onEnter)
      window.removeEventListener('dragleave', onLeave)
      window.removeEventListener('dragover', onOver)
      window.removeEventListener('drop', onDrop)
    }
  }, [desktop, mutate, navigate, t])

  useEffect(() => {
    if (message === undefined) return
    const timer = window.setTimeout(() => setMessage(undefined), MESSAGE_SECONDS * 1000)
    return () => window.clearTimeout(timer)
  }, [message])

  return (
    <>
      {dragging ? (
        <div className="drop-overlay" data-testid="drop-overlay" aria-hidden="true">
          <p className="drop-overlay-text">{desktop ? t('drop.overlay') : webDropHint()}</p>
        </div>
      ) : null}
      <div className="drop-message-region" aria-live="polite">
        {message !== undefined ? (
          <div
            className={`drop-message drop-message-${dropMessageTone(message)}`}
            data-testid="drop-message"
            data-kind={dropMessageTone(message)}
            role={dropMessageTone(message) === 'error' ? 'alert' : 'status'}
          >
            <span>{dropMessageText(message)}</span>
            <button
              type="button"
              className="icon-button"
              aria-label={t('drop.dismiss')}
              onClick={() => setMessage(undefined)}
            >
              ×
            </button>
          </div>
        ) : null}
      </div>
    </>
  )
}
