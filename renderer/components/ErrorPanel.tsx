// The one way errors are shown: what happened, in words, and what to do next — right where
// the user was looking. Every ErrorCode of shared/errors.ts has its sentence (errorText.ts).
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { asApiError } from '../api/ApiCallError'
import { call } from '../api/client'
import { queryKeys } from '../api/queryKeys'
import type { ApiError } from '../../shared/errors'
import { CredentialPrompt } from './CredentialPrompt'
import { describeError, isRetryable } from './errorText'
import { RetryButton } from './RetryButton'

interface ErrorPanelProps {
  readonly error: unknown
  /** Runs what failed again; without it the panel offers no retry. */
  readonly onRetry?: () => void
  /** Host to name and sign in to when the error itself does not say. */
  readonly host?: string
  /** Smaller, for rows and side panels. */
  readonly compact?: boolean
}

export function ErrorPanel({ error, onRetry, host, compact }: ErrorPanelProps) {
  // Subscribes the panel to language changes: describeError words it in the language shown.
  const { i18n } = useTranslation('errors')
  const apiError = asApiError(error)
  const text = describeError(apiError, host)
  const targetHost = apiError.detail?.host ?? host
  return (
    <section
      className={compact ? 'error-panel error-panel-compact' : 'error-panel'}
      data-testid="error-panel"
      data-code={apiError.code}
      role="alert"
    >
      <h2 className="error-title">
        <span className="error-icon" aria-hidden="true">
          !
        </span>
        {text.title}
      </h2>
      {/* The main side's message is English; other languages find it under Technical details.
          A refused reference's message is not repeated: the next step words the same problem. */}
      {i18n.language === 'en' &&
      apiError.message &&
      apiError.detail?.referenceProblem === undefined &&
      apiError.message.toLowerCase() !== text.title.toLowerCase() ? (
        <p className="error-message">{apiError.message}</p>
      ) : null}
      <p className="error-next">{text.next}</p>
      <MismatchDetails error={apiError} />
      <ErrorActions error={apiError} host={targetHost} onRetry={onRetry} />
      <TechnicalDetails error={apiError} />
    </section>
  )
}

function ErrorActions({
  error,
  host,
  onRetry,
}: {
  readonly error: ApiError
  readonly host: string | undefined
  readonly onRetry: (() => void) | undefined
}) {
  if (error.code === 'AUTH_REQUIRED' && host) {
    return <CredentialPrompt host={host} {...(onRetry && { onSaved: onRetry })} />
  }
  if (error.code === 'INSECURE_REFUSED' && host) {
    return <AllowInsecureButton host={host} onDone={onRetry} />
  }
  if (!onRetry || !isRetryable(error.code)) return null
  const waitSeconds = error.code === 'RATE_LIMITED' ? error.detail?.retryAfterSeconds : undefined
  return (
    <div className="form-actions">
      <RetryButton onRetry={onRetry} waitSeconds={waitSeconds} />
    </div>
  )
}

function AllowInsecureButton({
  host,
  onDone,
}: {
  readonly host: string
  readonly onDone: (() => void) | undefined
}) {
  const { t } = useTranslation('errors')
  const queryClient = useQueryClient()
  const allow = useMutation({
    mutationFn: () => call('registries:add', { address: host, insecure: true }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.registries })
      onDone?.()
    },
  })
  return (
    <div className="form-actions">
      <button
        type="button"
        className="button-primary"
        disabled={allow.isPending}
        onClick={() => allow.mutate()}
      >
        {t('panel.allowInsecure', { host })}
      </button>
      {allow.isError ? <p className="inline-error">{asApiError(allow.error).message}</p> : null}
    </div>
  )
}

function MismatchDetails({ error }: { readonly error: ApiError }) {
  const { t } = useTranslation('errors')
  const expected = error.detail?.expectedDigest
  const actual = error.detail?.actualDigest
  if (!expected && !actual) return null
  return (
    <dl className="error-digests">
      {expected ? (
        <>
          <dt>{t('panel.expected')}</dt>
          <dd className="mono">{expected}</dd>
        </>
      ) : null}
      {actual ? (
        <>
          <dt>{t('panel.actual')}</dt>
          <dd className="mono">{actual}</dd>
        </>
      ) : null}
    </dl>
  )
}

function TechnicalDetails({ error }: { readonly error: ApiError }) {
  const { t, i18n } = useTranslation('errors')
  const detail = error.detail
  const lines: string[] = [t('panel.code', { code: error.code })]
  if (detail?.status !== undefined) lines.push(t('panel.status', { status: detail.status }))
  if (detail?.subject) lines.push(t('panel.subject', { subject: detail.subject }))
  if (detail?.cause) lines.push(t('panel.cause', { cause: detail.cause }))
  for (const registryError of detail?.registryErrors ?? []) {
    lines.push(
      t('panel.registryError', { code: registryError.code, message: registryError.message }),
    )
  }
  return (
    <details className="error-technical">
      <summary>{t('panel.technical')}</summary>
      {i18n.language !== 'en' && error.message ? (
        <p className="error-message" lang="en">
          {t('panel.serverMessage')}: {error.message}
        </p>
      ) : null}
      <pre>{lines.join('\n')}</pre>
    </details>
  )
}
