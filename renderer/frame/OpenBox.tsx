// The one Open box: every image reference or transport string. Checked with parseSourceRef
// before navigating, so a typo is explained right under the box instead of failing later.
// A full path (/…, file://…) is probed like the sidebar's path field and opened as what it is.
import { useId, useState, type RefObject } from 'react'
import { useTranslation } from 'react-i18next'
import { asApiError } from '../api/ApiCallError'
import { describeError } from '../components/errorText'
import { HubSearchPanel } from '../features/registry/hubSearch/HubSearchPanel'
import { hubSearchText } from '../features/registry/hubSearch/hubSearchText'
import { interpretPathInput, looksLikePath } from '../features/stores/pathInput'
import { useProbeAndOpen } from '../features/stores/useProbeAndOpen'
import { useNavigate } from '../routing/navigation'
import { validateSourceInput } from './validateSourceInput'

interface OpenBoxProps {
  /** The reference currently open, shown in the box. */
  readonly currentRef: string | undefined
  readonly inputRef: RefObject<HTMLInputElement | null>
}

export function OpenBox({ currentRef, inputRef }: OpenBoxProps) {
  const { t } = useTranslation('frame')
  const id = useId()
  const navigate = useNavigate()
  const [value, setValue] = useState(currentRef ?? '')
  const [shownRef, setShownRef] = useState(currentRef)
  const [error, setError] = useState<string | undefined>()
  // The words being searched on Docker Hub, while the results are shown.
  const [hubQuery, setHubQuery] = useState<string | undefined>()
  const probe = useProbeAndOpen()

  // Follow navigation (links, back/forward): show what is open now.
  if (shownRef !== currentRef) {
    setShownRef(currentRef)
    setValue(currentRef ?? '')
    setError(undefined)
  }

  const open = (): void => {
    if (looksLikePath(value)) {
      const input = interpretPathInput(value)
      if (input.kind === 'path') {
        setError(undefined)
        probe.mutate(input.path, {
          // Worded from the error code in the language shown (the main side's message is English).
          onError: (failure) => {
            const text = describeError(asApiError(failure))
            setError(`${text.title}. ${text.next}`)
          },
        })
        return
      }
      if (input.kind === 'invalid') {
        setError(input.message)
        return
      }
    }
    const problem = validateSourceInput(value)
    setError(problem)
    if (problem) return
    navigate({ view: 'graph', ref: value.trim() })
  }

  return (
    <form
      className="open-box"
      role="search"
      onSubmit={(event) => {
        event.preventDefault()
        open()
      }}
    >
      <label htmlFor={`${id}-input`} className="sr-only">
        {t('open.label')}
      </label>
      <input
        id={`${id}-input`}
        ref={inputRef}
        data-testid="open-input"
        className="open-input"
        type="text"
        spellCheck={false}
        autoComplete="off"
        placeholder={t('open.placeholder')}
        value={value}
        aria-invalid={error !== undefined}
        aria-describedby={`${id}-error`}
        onChange={(event) => {
          setValue(event.target.value)
          if (error) setError(undefined)
        }}
      />
      <button
        type="submit"
        data-testid="open-submit"
        className="button-primary"
        disabled={probe.isPending}
      >
        {probe.isPending ? t('open.opening') : t('open.open')}
      </button>
      <button
        type="button"
        data-testid="open-search-hub"
        className="button-secondary"
        disabled={value.trim() === ''}
        onClick={() => setHubQuery(value.trim())}
      >
        {hubSearchText.button}
      </button>
      <div id={`${id}-error`} className="open-error-region" aria-live="polite">
        {error ? (
          <p className="open-error" data-testid="open-error">
            {error}
          </p>
        ) : null}
      </div>
      {hubQuery !== undefined ? (
        <HubSearchPanel
          query={hubQuery}
          onClose={() => setHubQuery(undefined)}
          onOpen={(reference) => {
            setHubQuery(undefined)
            navigate({ view: 'graph', ref: reference })
          }}
        />
      ) : null}
    </form>
  )
}
