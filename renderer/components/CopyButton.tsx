import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { copyText } from './clipboard'

interface CopyButtonProps {
  readonly text: string
  /** What is copied, for the accessible name: "digest", "command". */
  readonly what: string
  readonly className?: string
}

/** A small "copy" button that says "copied" for a moment. Never lets the click bubble. */
export function CopyButton({ text, what, className }: CopyButtonProps) {
  const { t } = useTranslation('common')
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle')

  useEffect(() => {
    if (state === 'idle') return
    const timer = window.setTimeout(() => setState('idle'), 1500)
    return () => window.clearTimeout(timer)
  }, [state])

  return (
    <button
      type="button"
      className={`copy-button ${className ?? ''}`}
      aria-label={t('copy.label', { what })}
      title={t('copy.title', { what, text })}
      onClick={(event) => {
        event.stopPropagation()
        void copyText(text).then((ok) => setState(ok ? 'copied' : 'failed'))
      }}
      onKeyDown={(event) => event.stopPropagation()}
    >
      {state === 'copied'
        ? t('copy.copied')
        : state === 'failed'
          ? t('copy.failed')
          : t('copy.copy')}
    </button>
  )
}
