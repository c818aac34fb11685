// Open a path: a field for the full path of an archive or layout folder (both modes), and in
// the desktop app the native file dialog. The path is probed (stores:probePath) and its graph
// opened; what went wrong is said right under the field.
import { useMutation } from '@tanstack/react-query'
import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { asApiError } from '../../api/ApiCallError'
import { call, transportKind } from '../../api/client'
import { useNavigate } from '../../routing/navigation'
import { interpretPathInput } from './pathInput'
import { pathProblemText } from './pathProblemText'
import { useProbeAndOpen } from './useProbeAndOpen'

/** The field's element id, so a web-mode drop can put the cursor where the path goes. */
export const PATH_INPUT_ID = 'open-path-input'

type DialogKind = 'file' | 'directory'

export function OpenPathForm() {
  const { t } = useTranslation('stores')
  const id = useId()
  const navigate = useNavigate()
  const desktop = transportKind() === 'electron'
  const [value, setValue] = useState('')
  const [problem, setProblem] = useState<string | undefined>()
  const probe = useProbeAndOpen()
  const choose = useMutation({
    mutationFn: (kind: DialogKind) => call('dialog:choosePath', { kind }),
    onSuccess: (chosen) => {
      if (chosen.path === undefined) return // the user cancelled the dialog
      setValue(chosen.path)
      probe.mutate(chosen.path)
    },
  })

  const submit = (): void => {
    const input = interpretPathInput(value)
    probe.reset()
    choose.reset()
    setProblem(undefined)
    switch (input.kind) {
      case 'empty':
        setProblem(t('openPath.typePath'))
        return
      case 'invalid':
        setProblem(input.message)
        return
      case 'ref':
        navigate({ view: 'graph', ref: input.ref })
        return
      case 'path':
        probe.mutate(input.path)
    }
  }

  const failure = probe.isError ? probe.error : choose.isError ? choose.error : undefined
  const apiError = failure === undefined ? undefined : asApiError(failure)
  const message = problem ?? (apiError !== undefined ? pathProblemText(apiError) : undefined)
  const busy = probe.isPending || choose.isPending
  return (
    <form
      className="open-path"
      aria-label={t('openPath.label')}
      onSubmit={(event) => {
        event.preventDefault()
        if (!busy) submit()
      }}
    >
      <label htmlFor={PATH_INPUT_ID} className="open-path-label">
        {t('openPath.label')}
      </label>
      <div className="open-path-row">
        <input
          id={PATH_INPUT_ID}
          data-testid="path-input"
          type="text"
          className="mono"
          spellCheck={false}
          autoComplete="off"
          placeholder={t('openPath.placeholder')}
          value={value}
          aria-invalid={message !== undefined}
          aria-describedby={`${id}-hint ${id}-error`}
          onChange={(event) => {
            setValue(event.target.value)
            setProblem(undefined)
            if (probe.isError) probe.reset()
            if (choose.isError) choose.reset()
          }}
        />
        <button
          type="submit"
          data-testid="path-submit"
          className="button-secondary button-small"
          disabled={busy}
        >
          {probe.isPending ? t('openPath.opening') : t('openPath.open')}
        </button>
      </div>
      {desktop ? (
        <div className="open-path-dialogs">
          <button
            type="button"
            data-testid="choose-file"
            className="button-secondary button-small"
            disabled={busy}
            onClick={() => choose.mutate('file')}
          >
            {t('openPath.chooseFile')}
          </button>
          <button
            type="button"
            data-testid="choose-directory"
            className="button-secondary button-small"
            disabled={busy}
            onClick={() => choose.mutate('directory')}
          >
            {t('openPath.chooseFolder')}
          </button>
        </div>
      ) : null}
      <p id={`${id}-hint`} className="hint open-path-hint">
        {desktop ? t('openPath.hintDesktop') : t('openPath.hint')}
      </p>
      <div id={`${id}-error`} aria-live="polite">
        {message !== undefined ? (
          <p className="inline-error" data-testid="path-error" data-code={apiError?.code}>
            {message}
          </p>
        ) : null}
      </div>
    </form>
  )
}
