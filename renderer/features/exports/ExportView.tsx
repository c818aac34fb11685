// view=export&ref=…: copy an image into an OCI layout folder or an oci-archive file (the
// exports:image operation), with progress and Cancel while it runs, the path and digest when
// done, and what went wrong (a full disk, a folder that cannot be written) said plainly.
import { useMutation } from '@tanstack/react-query'
import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ImageExportArgs, ImageExportFormat } from '../../../shared/api'
import { IMAGE_EXPORT_FORMATS } from '../../../shared/api'
import { asApiError } from '../../api/ApiCallError'
import { call, transportKind } from '../../api/client'
import { ErrorPanel } from '../../components/ErrorPanel'
import { exportFileName } from '../../components/listExport'
import { OperationProgress } from '../../components/OperationProgress'
import { EmptyState } from '../../components/Spinner'
import { useOperationProgress } from '../../components/useOperationProgress'
import { useFormat } from '../../i18n/useFormat'
import type { Route } from '../../routing/route'
import '../../styles/exports.css'
import { exportErrorText } from './exportErrorText'

export function ExportView({ route }: { readonly route: Route }) {
  const { t } = useTranslation('exports')
  if (route.ref === undefined) {
    return <EmptyState title={t('view.heading')}>{t('view.noRef')}</EmptyState>
  }
  return <ExportForm imageRef={route.ref} platform={route.platform} />
}

function ExportForm({
  imageRef,
  platform,
}: {
  readonly imageRef: string
  readonly platform?: string
}) {
  const { t } = useTranslation('exports')
  const format = useFormat()
  const id = useId()
  const desktop = transportKind() === 'electron'
  const [kind, setKind] = useState<ImageExportFormat>('oci-layout')
  const [destination, setDestination] = useState('')
  const [platformText, setPlatformText] = useState(platform ?? '')
  const [tag, setTag] = useState('')
  const run = useMutation({
    mutationFn: (args: ImageExportArgs) => call('exports:image', args),
  })
  const choose = useMutation({
    mutationFn: () => call('dialog:choosePath', { kind: 'directory' }),
    onSuccess: (chosen) => {
      // The dialog picks the folder; the copy gets a new name inside it, after the image.
      if (chosen.path === undefined) return
      const name = exportFileName(imageRef, kind === 'oci-archive' ? 'oci' : 'layout', 'tar')
      const inFolder = kind === 'oci-archive' ? name : name.replace(/\.tar$/, '')
      setDestination(`${chosen.path.replace(/\/+$/, '')}/${inFolder}`)
    },
  })
  const progress = useOperationProgress(run.isPending, 'Exporting')
  const submit = (): void => {
    run.mutate({
      ref: imageRef,
      format: kind,
      destination: destination.trim(),
      ...(platformText.trim() !== '' ? { platform: platformText.trim() } : {}),
      ...(tag.trim() !== '' ? { tag: tag.trim() } : {}),
    })
  }
  const error = run.isError ? asApiError(run.error) : undefined
  const errorText = error ? exportErrorText(error) : undefined
  return (
    <section className="view export-view" data-testid="export-view">
      <h2 className="view-title">{t('view.heading')}</h2>
      <p className="hint">{t('view.intro')}</p>
      <form
        className="export-form"
        onSubmit={(event) => {
          event.preventDefault()
          submit()
        }}
      >
        <p>
          <strong>{t('view.image')}</strong> <span className="mono break-all">{imageRef}</span>
        </p>
        <fieldset>
          <legend>{t('view.format')}</legend>
          {IMAGE_EXPORT_FORMATS.map((value) => (
            <label key={value}>
              <input
                type="radio"
                name={`${id}-format`}
                value={value}
                checked={kind === value}
                data-testid={`export-format-${value}`}
                onChange={() => setKind(value)}
              />{' '}
              {value === 'oci-layout' ? t('view.layout') : t('view.archive')}
            </label>
          ))}
        </fieldset>
        <label className="export-label" htmlFor={`${id}-destination`}>
          {t('view.destination')}
        </label>
        <div className="export-destination">
          <input
            id={`${id}-destination`}
            className="filter-input mono"
            value={destination}
            placeholder={t('view.destinationPlaceholder')}
            data-testid="export-destination"
            required
            onChange={(event) => setDestination(event.target.value)}
          />
          {desktop ? (
            <button type="button" className="button-secondary" onClick={() => choose.mutate()}>
              {t('view.choose')}
            </button>
          ) : null}
        </div>
        <p className="hint">{t('view.destinationHint')}</p>
        <label className="export-label" htmlFor={`${id}-platform`}>
          {t('view.platform')}
        </label>
        <input
          id={`${id}-platform`}
          className="filter-input mono"
          value={platformText}
          placeholder={t('view.allPlatforms')}
          data-testid="export-platform"
          onChange={(event) => setPlatformText(event.target.value)}
        />
        <label className="export-label" htmlFor={`${id}-tag`}>
          {t('view.tag')}
        </label>
        <input
          id={`${id}-tag`}
          className="filter-input mono"
          value={tag}
          placeholder={t('view.tagPlaceholder')}
          data-testid="export-tag"
          onChange={(event) => setTag(event.target.value)}
        />
        <p>
          <button
            type="submit"
            className="button-primary"
            disabled={run.isPending}
            data-testid="export-start"
          >
            {run.isPending
              ? t('view.exporting')
              : run.isSuccess
                ? t('view.again')
                : t('view.start')}
          </button>
        </p>
      </form>
      {run.isPending ? (
        <OperationProgress
          state={progress}
          fallback={t('view.exporting')}
          testId="export-progress"
        />
      ) : null}
      {run.isSuccess ? (
        <div className="export-result" role="status" data-testid="export-result">
          <p>
            <strong>{t('view.done', { path: run.data.path })}</strong>
          </p>
          <p className="hint">
            {t('view.doneDetail', {
              blobs: format.number(run.data.blobs),
              size: format.size(run.data.bytes),
              digest: run.data.digest,
            })}
          </p>
          {run.data.digest !== run.data.sourceDigest ? (
            <p className="hint">{t('view.converted', { digest: run.data.sourceDigest })}</p>
          ) : null}
        </div>
      ) : null}
      {error !== undefined && errorText !== undefined ? (
        <p className="error" role="alert" data-testid="export-error" data-code={error.code}>
          {errorText}
        </p>
      ) : null}
      {error !== undefined && errorText === undefined ? <ErrorPanel error={run.error} /> : null}
    </section>
  )
}
