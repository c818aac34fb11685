// Shown by the ErrorPanel for AUTH_REQUIRED: asks for username/password or a token, stores
// them with registries:setCredentials, then retries what failed.
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { RegistryEntry } from '../../shared/api'
import { asApiError } from '../api/ApiCallError'
import { call } from '../api/client'
import { queryKeys } from '../api/queryKeys'

interface CredentialPromptProps {
  readonly host: string
  readonly onSaved?: () => void
}

export function CredentialPrompt({ host, onSaved }: CredentialPromptProps) {
  const { t } = useTranslation('common')
  const id = useId()
  const queryClient = useQueryClient()
  const [mode, setMode] = useState<'password' | 'token'>('password')
  // Start from the username Strata already holds for this registry, if any.
  const [username, setUsername] = useState(
    () =>
      queryClient
        .getQueryData<readonly RegistryEntry[]>(queryKeys.registries)
        ?.find((entry) => entry.host === host)?.username ?? '',
  )
  const [password, setPassword] = useState('')
  const [token, setToken] = useState('')

  const save = useMutation({
    mutationFn: () =>
      call(
        'registries:setCredentials',
        mode === 'token' ? { host, token } : { host, username, password },
      ),
    onSuccess: async () => {
      setPassword('')
      setToken('')
      await queryClient.invalidateQueries({ queryKey: queryKeys.registries })
      // Everything else that failed (tag rows, other panels) may work now too.
      void queryClient.invalidateQueries({ predicate: (query) => query.state.status === 'error' })
      onSaved?.()
    },
  })

  const canSubmit = mode === 'token' ? token.length > 0 : username.length > 0 && password.length > 0

  return (
    <form
      className="credential-prompt"
      data-testid="credential-prompt"
      aria-label={t('credentials.form', { host })}
      onSubmit={(event) => {
        event.preventDefault()
        if (canSubmit && !save.isPending) save.mutate()
      }}
    >
      <p className="credential-title">{t('credentials.title', { host })}</p>
      {/* Two toggle buttons, not radios: their text never doubles as a field label. */}
      <div className="credential-mode" role="group" aria-label={t('credentials.mode')}>
        <button
          type="button"
          className="button-secondary button-small"
          aria-pressed={mode === 'password'}
          onClick={() => setMode('password')}
        >
          {t('credentials.withPassword')}
        </button>
        <button
          type="button"
          className="button-secondary button-small"
          aria-pressed={mode === 'token'}
          onClick={() => setMode('token')}
        >
          {t('credentials.withToken')}
        </button>
      </div>
      {mode === 'password' ? (
        <div className="form-row">
          <label htmlFor={`${id}-user`}>{t('credentials.username')}</label>
          <input
            id={`${id}-user`}
            name="username"
            autoComplete="username"
            value={username}
            onChange={(e) => setUsername(e.target.value)}
          />
          <label htmlFor={`${id}-password`}>{t('credentials.password')}</label>
          <input
            id={`${id}-password`}
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </div>
      ) : (
        <div className="form-row">
          <label htmlFor={`${id}-token`}>{t('credentials.token')}</label>
          <input
            id={`${id}-token`}
            name="token"
            type="password"
            autoComplete="off"
            value={token}
            onChange={(e) => setToken(e.target.value)}
          />
        </div>
      )}
      <div className="form-actions">
        <button type="submit" className="button-primary" disabled={!canSubmit || save.isPending}>
          {save.isPending ? t('credentials.saving') : t('credentials.submit')}
        </button>
      </div>
      {save.isError ? (
        <p className="inline-error" role="alert">
          {asApiError(save.error).message}
        </p>
      ) : null}
    </form>
  )
}
