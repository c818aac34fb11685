// Certificates of a PEM bundle or DER file: subject, issuer, validity, names and fingerprint;
// private keys named as such, never shown. A big bundle shows its first few until asked.
import { useState } from 'react'
import type { PemSummary, X509Summary } from '../../../../shared/api'
import { inspectText as t } from './inspectText'

const FIRST_SHOWN = 20

export function CertificatesView({ pem, now }: { readonly pem: PemSummary; readonly now: number }) {
  const [all, setAll] = useState(false)
  const shown = all ? pem.certificates : pem.certificates.slice(0, FIRST_SHOWN)
  return (
    <div data-testid="inspect-certificates">
      {pem.privateKeys.map((key, i) => (
        <p key={i} className="error-message" data-testid="inspect-private-key">
          {t.privateKey(key.label)}
        </p>
      ))}
      {pem.certificates.length > 0 ? (
        <p className="muted">{t.certificateCount(pem.certificates.length)}</p>
      ) : null}
      {shown.map((certificate, i) => (
        <CertificateCard key={i} number={i + 1} certificate={certificate} now={now} />
      ))}
      {shown.length < pem.certificates.length ? (
        <p className="muted">
          {t.shownFirst(shown.length)}{' '}
          <button type="button" className="link-button" onClick={() => setAll(true)}>
            {t.showAll}
          </button>
        </p>
      ) : null}
      {pem.truncated ? <p className="muted">{t.moreCertificates}</p> : null}
      {pem.problems.map((problem, i) => (
        <p key={i} className="muted">
          {problem}
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
  const from = Date.parse(c.validFrom)
  const to = Date.parse(c.validTo)
  const state = now > to ? t.expired : now < from ? t.notYetValid : undefined
  const flags = [c.isCa ? t.ca : undefined, c.selfSigned ? t.selfSigned : undefined].filter(
    (f) => f !== undefined,
  )
  return (
    <table className="annotations" data-testid="inspect-certificate">
      <caption>{t.certificateNumber(number)}</caption>
      <tbody>
        <tr>
          <th scope="row">{t.subject}</th>
          <td className="mono">
            {c.subject.split('\n').join(', ')}
            {flags.length > 0 ? <span className="muted"> · {flags.join(' · ')}</span> : null}
          </td>
        </tr>
        <tr>
          <th scope="row">{t.issuer}</th>
          <td className="mono">{c.issuer.split('\n').join(', ')}</td>
        </tr>
        <tr>
          <th scope="row">{t.validity}</th>
          <td>
            {t.validRange(c.validFrom.slice(0, 10), c.validTo.slice(0, 10))}
            {state !== undefined ? <strong> · {state}</strong> : null}
          </td>
        </tr>
        {c.subjectAltNames.length > 0 ? (
          <tr>
            <th scope="row">{t.altNames}</th>
            <td className="mono">{c.subjectAltNames.join(', ')}</td>
          </tr>
        ) : null}
        <tr>
          <th scope="row">{t.serial}</th>
          <td className="mono">{c.serialNumber}</td>
        </tr>
        <tr>
          <th scope="row">{t.fingerprint}</th>
          <td className="mono" data-testid="inspect-fingerprint">
            {c.fingerprintSha256}
          </td>
        </tr>
      </tbody>
    </table>
  )
}
