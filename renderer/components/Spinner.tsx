import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

interface SpinnerProps {
  readonly label?: string
  readonly inline?: boolean
}

/** A calm loading indicator with text for screen readers (and for people, when given). */
export function Spinner({ label, inline }: SpinnerProps) {
  const { t } = useTranslation('common')
  return (
    <span className={inline ? 'spinner spinner-inline' : 'spinner'} role="status">
      <span className="spinner-dot" aria-hidden="true" />
      {label ? (
        <span className="spinner-label">{label}</span>
      ) : (
        <span className="sr-only">{t('spinner.loading')}</span>
      )}
    </span>
  )
}

export function LoadingBlock({ label }: { readonly label: string }) {
  return (
    <div className="loading-block">
      <Spinner label={label} />
    </div>
  )
}

export function EmptyState({
  title,
  children,
  testId,
}: {
  readonly title: string
  readonly children?: ReactNode
  readonly testId?: string
}) {
  return (
    <div className="empty-state" data-testid={testId}>
      <p className="empty-title">{title}</p>
      {children ? <div className="empty-body">{children}</div> : null}
    </div>
  )
}
