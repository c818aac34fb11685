// Signatures, attestations and SBOMs decoded (`view=attestations&ref=…&node=<manifest digest>`,
// or `…&path=<file>[&layer=&platform=]` for a file inside the image). Signatures read "not
// verified" until the user pastes the signer's public key; the key stays in this view's state
// and is sent only with the decode call.
import { useQuery } from '@tanstack/react-query'
import { useId, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { DecodeAttestationArgs } from '../../../shared/api/attestations'
import { call } from '../../api/client'
import { ErrorPanel } from '../../components/ErrorPanel'
import { ImageViewTabs } from '../../components/ImageViewTabs'
import { Link } from '../../components/Link'
import { EmptyState, LoadingBlock } from '../../components/Spinner'
import { useFormat } from '../../i18n/useFormat'
import type { Route } from '../../routing/route'
import '../../styles/attestations.css'
import { attestationWarningText, itemLabelText, partTitle } from './attestationText'
import { PartView } from './PartView'

/** The placeholder of the key box: the PEM armour, which is not translated. */
const PEM_PLACEHOLDER = '-----BEGIN PUBLIC KEY-----\n…\n-----END PUBLIC KEY-----'

export function AttestationsView({ route }: { readonly route: Route }) {
  const { t } = useTranslation('attestations')
  if (!route.ref || (!route.node && !route.path)) {
    return (
      <EmptyState title={t('view.nothing')} testId="attestations-view">
        {t('view.nothingHint')}
      </EmptyState>
    )
  }
  return <Decoded imageRef={route.ref} route={route} />
}

function decodeArgs(imageRef: string, route: Route, publicKey: string): DecodeAttestationArgs {
  return {
    ref: imageRef,
    ...(route.node !== undefined
      ? { digest: route.node }
      : {
          path: route.path ?? '/',
          ...(route.layer !== undefined ? { layer: route.layer } : {}),
          ...(route.platform !== undefined ? { platform: route.platform } : {}),
        }),
    ...(publicKey !== '' ? { publicKey } : {}),
  }
}

function Decoded({ imageRef, route }: { readonly imageRef: string; readonly route: Route }) {
  const { t } = useTranslation('attestations')
  const format = useFormat()
  const keyId = useId()
  const [draftKey, setDraftKey] = useState('')
  const [publicKey, setPublicKey] = useState('')
  const args = decodeArgs(imageRef, route, publicKey)
  const report = useQuery({
    queryKey: ['attestations:decode', args],
    queryFn: ({ signal }) => call('attestations:decode', args, signal),
    retry: false,
    staleTime: 60_000,
  })
  const submit = (event: FormEvent): void => {
    event.preventDefault()
    setPublicKey(draftKey.trim())
  }
  const back: Route = route.node
    ? { view: 'graph', ref: imageRef, node: route.node }
    : {
        view: 'files',
        ref: imageRef,
        ...(route.path !== undefined ? { path: route.path } : {}),
        ...(route.layer !== undefined ? { layer: route.layer } : {}),
        ...(route.platform !== undefined ? { platform: route.platform } : {}),
      }
  return (
    <section className="view attestations-view" data-testid="attestations-view">
      <header className="view-header">
        <h2 className="view-title">
          <span>{t('view.title')}</span>
          <span className="view-subject mono">{route.node ?? route.path}</span>
        </h2>
        <Link className="view-link" to={back}>
          {route.node ? t('view.backToGraph') : t('view.backToFile')}
        </Link>
        <ImageViewTabs imageRef={imageRef} current="attestations" />
      </header>
      <form className="attestation-key-form" onSubmit={submit}>
        <label htmlFor={keyId}>{t('view.keyLabel')}</label>
        <textarea
          id={keyId}
          className="mono"
          rows={4}
          data-testid="public-key-input"
          value={draftKey}
          placeholder={PEM_PLACEHOLDER}
          onChange={(event) => setDraftKey(event.target.value)}
        />
        <div>
          <button type="submit" className="button-small" data-testid="verify-button">
            {t('view.verify')}
          </button>{' '}
          {publicKey !== '' ? (
            <button
              type="button"
              className="button-secondary button-small"
              onClick={() => {
                setPublicKey('')
                setDraftKey('')
              }}
            >
              {t('view.forget')}
            </button>
          ) : null}
        </div>
      </form>
      {report.isPending ? (
        <LoadingBlock label={t('view.reading')} />
      ) : report.isError ? (
        <ErrorPanel error={report.error} onRetry={() => void report.refetch()} />
      ) : (
        <>
          <p className="muted" data-testid="attestation-source">
            {report.data.from.kind === 'manifest'
              ? t('view.fromManifest', { digest: report.data.from.digest }) +
                (report.data.from.artifactType ? ` · ${report.data.from.artifactType}` : '')
              : t('view.fromFile', {
                  path: report.data.from.path,
                  layer: report.data.from.layer + 1,
                })}
            {report.data.subject !== undefined
              ? t('view.comparedWith', { subject: report.data.subject })
              : ''}
          </p>
          {report.data.warnings.map((w) => (
            <p key={w.kind} className="warning" role="note" data-testid="attestation-warning">
              {attestationWarningText(w)}
            </p>
          ))}
          {report.data.items.map((item, i) => (
            <section
              key={i}
              className="details-section attestation-item"
              data-testid="attestation-item"
              data-kind={item.part.kind}
            >
              <h3>
                {partTitle(item.part.kind)}{' '}
                <span className="muted mono">
                  {itemLabelText(item.label)} · {item.mediaType ?? ''} {format.size(item.size)}
                </span>
              </h3>
              <PartView part={item.part} />
            </section>
          ))}
        </>
      )}
    </section>
  )
}
