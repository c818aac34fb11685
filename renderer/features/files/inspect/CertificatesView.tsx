// Certificates of a PEM bundle or DER file: subject, issuer, validity, names and fingerprint;
// private keys named as such, never shown. A big bundle shows its first few until asked.
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { PemSummary, X509Summary } from '../../../../shared/api'
import { useFormat } from '../../../i18n/useFormat'
import { inspectProblemText } from './inspectProblemText'

const FIRST_SHOWN = 20

export function CertificatesView({ pem, now }: { readonly pem: PemSummary; readonly now: number }) {
  const { t } = useTranslation('files')
  const [all, setAll] = useState(false)
  const shown = all ? pem.certificates : pem.certificates.slice(0, FIRST_SHOWN)
  return (
    <div data-testid="inspect-certificates">
      {pem.privateKeys.map((key, i) => (
        <p key={i} className="error-message" data-testid="inspect-private-key">
          {t('inspect.privateKey', { label: key.label })}
        </p>
      ))}
      {pem.certificates.length > 0 ? (
        <p className="muted">{t('inspect.certificateCount', { count: pem.certificates.length })}</p>
      ) : null}
      {shown.map((certificate, i) => (
        <CertificateCard key={i} number={i + 1} certificate={certificate} now={now} />
      ))}
      {shown.length < pem.certificates.length ? (
        <p className="muted">
          {t('inspect.shownFirst', { count: shown.length })}{' '}
          <button type="button" className="link-button" onClick={() => setAll(true)}>
            {t('inspect.showAll')}
          </button>
        </p>
      ) : null}
      {pem.truncated ? <p className="muted">{t('inspect.moreCertificates')}</p> : null}
      {pem.problems.map((problem, i) => (
        <p key={i} className="muted">
          {inspectProblemText(problem)}
        </p>
      ))}
    </div>
  )
}

function CertificateCard({
  number,
  certificate: c,
  now,
}: {
  readonly number: number
  readonly certificate: X509Summary
  readonly now: number
}) {
  const { t } = useTranslation('files')
  const format = useFormat()
  const from = Date.parse(c.validFrom)
  const to = Date.parse(c.validTo)
  const state = now > to ? t('inspect.expired') : now < from ? t('inspect.notYetValid') : undefined
  const flags = [
    c.isCa ? t('inspect.ca') : undefined,
    c.selfSigned ? t('inspect.selfSigned') : undefined,
  ].filter((f) => f !== undefined)
  return (
    <table className="annotations" data-testid="inspect-certificate">
      <caption>{t('inspect.certificateNumber', { n: number })}</caption>
      <tbody>
        <tr>
          <th scope="row">{t('inspect.subject')}</th>
          <td className="mono">
            {c.subject.split('\n').join(', ')}
            {flags.length > 0 ? <span className="muted"> · {flags.join(' · ')}</span> : null}
          </td>
        </tr>
        <tr>
          <th scope="row">{t('inspect.issuer')}</th>
          <td className="mono">{c.issuer.split('\n').join(', ')}</td>
        </tr>
        <tr>
          <th scope="row">{t('inspect.validity')}</th>
          <td>
            {t('inspect.validRange', {
              from: format.date(c.validFrom),
              to: format.date(c.validTo),
            })}
            {state !== undefined ? <strong> · {state}</strong> : null}
          </td>
        </tr>
        {c.subjectAltNames.length > 0 ? (
          <tr>
            <th scope="row">{t('inspect.altNames')}</th>
            <td className="mono">{c.subjectAltNames.join(', ')}</td>
          </tr>
        ) : null}
        <tr>
          <th scope="row">{t('inspect.serial')}</th>
          <td className="mono">{c.serialNumber}</td>
        </tr>
        <tr>
          <th scope="row">{t('inspect.fingerprint')}</th>
          <td className="mono" data-testid="inspect-fingerprint">
            {c.fingerprintSha256}
          </td>
        </tr>
      </tbody>
    </table>
  )
}
