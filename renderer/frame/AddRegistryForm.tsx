// Add a registry: address, "allow plain http", optional credentials. Loopback addresses use
// http without asking (the main side decides; the hint only says so).
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { isLoopbackHost } from '../../shared/reference'
import type { AddRegistryArgs } from '../../shared/api'
import { call } from '../api/client'
import { queryKeys } from '../api/queryKeys'
import { ErrorPanel } from '../components/ErrorPanel'
import { useNavigate } from '../routing/navigation'

function looksLoopback(address: string): boolean {
  const host =
    address
      .trim()
      .replace(/^https?:\/\//, '')
      .split('/')[0] ?? ''
  if (!host) return false
  try {
    return isLoopbackHost(host)
  } catch {
    return /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])(:\d+)?$/i.test(host)
  }
}

export function AddRegistryForm() {
  const { t } = useTranslation('frame')
  const id = useId()
  const queryClient = useQueryClient()
  const navigate = useNavigate()
  const [address, setAddress] = useState('')
  const [insecure, setInsecure] = useState(false)
  const [username, setUsername] = useState('')
  const [password, setPassword] = useState('')
  const [token, setToken] = useState('')

  const add = useMutation({
    mutationFn: (args: AddRegistryArgs) => call('registries:add', args),
    onSuccess: async (entry) => {
      setAddress('')
      setInsecure(false)
      setUsername('')
      setPassword('')
      setToken('')
      await queryClient.invalidateQueries({ queryKey: queryKeys.registries })
      navigate({ view: 'repositories', registry: entry.host })
    },
  })

  const submit = (): void => {
    const args: AddRegistryArgs = {
      address: address.trim(),
      ...(insecure && { insecure: true }),
      ...(username && { username }),
      ...(password && { password }),
      ...(token && { token }),
    }
    add.mutate(args)
  }

  return (
    <form
      className="add-registry"
      aria-label={t('addRegistry.title')}
      onSubmit={(event) => {
        event.preventDefault()
        if (address.trim() && !add.isPending) submit()
      }}
    >
      <h3 className="sidebar-subtitle">{t('addRegistry.title')}</h3>
      <label htmlFor={`${id}-address`} className="sr-only">
        {t('addRegistry.address')}
      </label>
      <input
        id={`${id}-address`}
        data-testid="add-registry-address"
        type="text"
        spellCheck={false}
        autoComplete="off"
        placeholder={t('addRegistry.placeholder')}
        value={address}
        onChange={(event) => setAddress(event.target.value)}
      />
      {looksLoopback(address) ? <p className="hint">{t('addRegistry.loopback')}</p> : null}
      <label className="checkbox">
        <input
          type="checkbox"
          checked={insecure}
          onChange={(event) => setInsecure(event.target.checked)}
        />
        {t('addRegistry.insecure')}
      </label>
      <details className="credentials">
        <summary>{t('addRegistry.credentials')}</summary>
        <label htmlFor={`${id}-user`}>{t('addRegistry.username')}</label>
        <input
          id={`${id}-user`}
          autoComplete="username"
          value={username}
          onChange={(event) => setUsername(event.target.value)}
        />
        <label htmlFor={`${id}-password`}>{t('addRegistry.password')}</label>
        <input
          id={`${id}-password`}
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(event) => setPassword(event.target.value)}
        />
        <label htmlFor={`${id}-token`}>{t('addRegistry.orToken')}</label>
        <input
          id={`${id}-token`}
          type="password"
          autoComplete="off"
          value={token}
          onChange={(event) => setToken(event.target.value)}
        />
      </details>
      <button
        type="submit"
        data-testid="add-registry-submit"
        className="button-primary"
        disabled={!address.trim() || add.isPending}
      >
        {add.isPending ? t('addRegistry.adding') : t('addRegistry.submit')}
      </button>
      <div aria-live="polite">{add.isError ? <ErrorPanel compact error={add.error} /> : null}</div>
    </form>
  )
}
