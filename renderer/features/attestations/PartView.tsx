// One decoded part: a cosign or notation signature, an in-toto statement (with its SLSA
// provenance or SBOM), an SBOM, or the raw bytes with the reason they were not decoded.
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type {
  BundleMaterial,
  CosignMaterial,
  CosignSignature,
  DecodedPart,
  InTotoStatement,
  NotationSignature,
  ProvenanceSummary,
  RawPart,
  SignerCertificate,
  TransparencyLogEntry,
} from '../../../shared/api/attestations'
import { useFormat } from '../../i18n/useFormat'
import { certificateProblemText, rawPreviewText, rawReasonText } from './attestationText'
import { SbomTableView } from './SbomTableView'
import { MatchBadge, VerificationLine } from './VerificationLine'

export function PartView({ part }: { readonly part: DecodedPart }) {
  switch (part.kind) {
    case 'cosign-signature':
      return <CosignView part={part} />
    case 'in-toto':
      return <InTotoView part={part} />
    case 'sbom':
      return <SbomTableView sbom={part.sbom} />
    case 'notation-signature':
      return <NotationView part={part} />
    case 'raw':
      return <RawView part={part} />
  }
}

function Facts({ children }: { readonly children: ReactNode }) {
  return <dl className="facts">{children}</dl>
}

function Fact({ name, children }: { readonly name: string; readonly children: ReactNode }) {
  return (
    <>
      <dt>{name}</dt>
      <dd>{children}</dd>
    </>
  )
}

/** "DSSE (application/vnd.in-toto+json)": the envelope format and its payload type, tokens. */
function dsseText(payloadType: string | undefined): string {
  return `DSSE (${payloadType ?? ''})`
}

function Mono({ text }: { readonly text: string }) {
  return <span className="mono break-all">{text}</span>
}

function CosignView({ part }: { readonly part: CosignSignature }) {
  const { t } = useTranslation('attestations')
  return (
    <>
      <VerificationLine verification={part.verification} />
      <Facts>
        <Fact name={t('fact.signedDigest')}>
          {part.signedDigest !== undefined ? <Mono text={part.signedDigest} /> : t('fact.notGiven')}{' '}
          <MatchBadge match={part.match} />
        </Fact>
        {part.dockerReference !== undefined ? (
          <Fact name={t('fact.identity')}>
            <Mono text={part.dockerReference} />
          </Fact>
        ) : null}
        {part.type !== undefined ? <Fact name={t('fact.type')}>{part.type}</Fact> : null}
        {part.optional.map((o) => (
          <Fact key={o.name} name={o.name}>
            <Mono text={o.value} />
          </Fact>
        ))}
        {part.signature !== undefined ? (
          <Fact name={t('fact.signature')}>
            <Mono text={part.signature} />
          </Fact>
        ) : null}
      </Facts>
      <CosignMaterialView material={part} />
    </>
  )
}

/** The certificate, chain and log entry cosign writes in a layer's annotations. */
function CosignMaterialView({ material }: { readonly material: CosignMaterial }) {
  const { t } = useTranslation('attestations')
  return (
    <>
      {material.certificate !== undefined ? (
        <CertificateView title={t('cosign.certificate')} certificate={material.certificate} />
      ) : null}
      {material.chain.map((c, i) => (
        <CertificateView
          key={c.fingerprintSha256 + String(i)}
          title={t('cosign.chain', { n: i + 1 })}
          certificate={c}
        />
      ))}
      {material.certificateError !== undefined ? (
        <>
          <p className="warning" role="note" data-testid="raw-reason">
            {certificateProblemText(material.certificateError)}
            {material.certificateRaw !== undefined ? ` ${t('cosign.shownAsWritten')}` : ''}
          </p>
          {material.certificateRaw !== undefined ? (
            <pre className="attestation-raw mono">{material.certificateRaw}</pre>
          ) : null}
        </>
      ) : null}
      {material.transparencyLog !== undefined ? (
        <LogEntryView entry={material.transparencyLog} />
      ) : null}
    </>
  )
}

function LogEntryView({ entry }: { readonly entry: TransparencyLogEntry }) {
  const { t } = useTranslation('attestations')
  const format = useFormat()
  return (
    <section className="attestation-subsection" data-testid="transparency-log">
      <h4>{t('log.title')}</h4>
      <Facts>
        {entry.logIndex !== undefined ? (
          <Fact name={t('fact.logIndex')}>{entry.logIndex}</Fact>
        ) : null}
        {entry.integratedTime !== undefined ? (
          <Fact name={t('fact.integratedTime')}>{format.dateTime(entry.integratedTime)}</Fact>
        ) : null}
        {entry.logId !== undefined ? (
          <Fact name={t('fact.logId')}>
            <Mono text={entry.logId} />
          </Fact>
        ) : null}
        {entry.kind !== undefined ? <Fact name={t('fact.entry')}>{entry.kind}</Fact> : null}
      </Facts>
    </section>
  )
}

function BundleView({ bundle }: { readonly bundle: BundleMaterial }) {
  const { t } = useTranslation('attestations')
  return (
    <>
      <p className="muted">
        {t('bundle.title')} <span className="mono">{bundle.mediaType}</span>
        {bundle.publicKeyHint !== undefined
          ? t('bundle.keyHint', { hint: bundle.publicKeyHint })
          : ''}
      </p>
      {bundle.certificates.map((c, i) => (
        <CertificateView
          key={c.fingerprintSha256 + String(i)}
          title={t('bundle.certificate', { n: i + 1 })}
          certificate={c}
        />
      ))}
      {bundle.transparencyLog.map((entry, i) => (
        <LogEntryView key={i} entry={entry} />
      ))}
    </>
  )
}

function CertificateView({
  title,
  certificate,
}: {
  readonly title: string
  readonly certificate: SignerCertificate
}) {
  const { t } = useTranslation('attestations')
  const format = useFormat()
  return (
    <section className="attestation-subsection" data-testid="certificate">
      <h4>{t('certificate.title', { title })}</h4>
      <Facts>
        <Fact name={t('fact.subject')}>{certificate.subject}</Fact>
        <Fact name={t('fact.issuer')}>{certificate.issuer}</Fact>
        <Fact name={t('fact.valid')}>
          {format.dateTime(certificate.notBefore)} → {format.dateTime(certificate.notAfter)}
        </Fact>
        {certificate.subjectAltNames.length > 0 ? (
          <Fact name={t('fact.names')}>{certificate.subjectAltNames.join(', ')}</Fact>
        ) : null}
        <Fact name="SHA-256">
          <Mono text={certificate.fingerprintSha256} />
        </Fact>
      </Facts>
    </section>
  )
}

function InTotoView({ part }: { readonly part: InTotoStatement }) {
  const { t } = useTranslation('attestations')
  return (
    <>
      <VerificationLine verification={part.verification} />
      <Facts>
        <Fact name={t('fact.predicateType')}>
          <Mono text={part.predicateType} />
        </Fact>
        <Fact name={t('fact.statement')}>
          <Mono text={part.statementType} />
        </Fact>
        <Fact name={t('fact.envelope')}>
          {part.envelope === 'dsse' ? dsseText(part.payloadType) : t('fact.unsigned')}
        </Fact>
        {part.signatures.map((s, i) => (
          <Fact
            key={`${s.keyid ?? ''}${i}`}
            name={
              s.keyid !== undefined
                ? t('fact.signatureKey', { keyid: s.keyid })
                : t('fact.signature')
            }
          >
            <Mono text={s.sig} />
          </Fact>
        ))}
      </Facts>
      <section className="attestation-subsection">
        <h4>
          {t('inToto.subjects')} <MatchBadge match={part.subjectMatch} />
        </h4>
        <ul className="attestation-subjects">
          {part.subjects.map((s, i) => (
            <li key={`${s.name}${i}`}>
              <Mono text={s.name || t('inToto.noName')} />{' '}
              {s.digests.map((d) => (
                <Mono key={d.algorithm} text={` ${d.algorithm}:${d.value}`} />
              ))}{' '}
              <MatchBadge match={s.match} />
            </li>
          ))}
        </ul>
      </section>
      {part.bundle !== undefined ? <BundleView bundle={part.bundle} /> : null}
      {part.cosign !== undefined ? <CosignMaterialView material={part.cosign} /> : null}
      {part.provenance !== undefined ? <ProvenanceView provenance={part.provenance} /> : null}
      {part.sbom !== undefined ? <SbomTableView sbom={part.sbom} /> : null}
    </>
  )
}

function ProvenanceView({ provenance }: { readonly provenance: ProvenanceSummary }) {
  const { t } = useTranslation('attestations')
  const format = useFormat()
  return (
    <section className="attestation-subsection" data-testid="provenance">
      <h4>{t('provenance.title', { version: provenance.slsaVersion })}</h4>
      <Facts>
        <Fact name={t('fact.builder')}>
          <Mono text={provenance.builderId ?? t('fact.notGiven')} />
        </Fact>
        <Fact name={t('fact.buildType')}>
          <Mono text={provenance.buildType ?? t('fact.notGiven')} />
        </Fact>
        {provenance.startedOn !== undefined ? (
          <Fact name={t('fact.started')}>{format.dateTime(provenance.startedOn)}</Fact>
        ) : null}
        {provenance.finishedOn !== undefined ? (
          <Fact name={t('fact.finished')}>{format.dateTime(provenance.finishedOn)}</Fact>
        ) : null}
        {provenance.parameters.map((p) => (
          <Fact key={p.name} name={p.name}>
            <Mono text={p.value} />
          </Fact>
        ))}
      </Facts>
      {provenance.steps.length > 0 ? (
        <>
          <h4>{t('provenance.steps')}</h4>
          <ol className="history-steps">
            {provenance.steps.map((step, i) => (
              <li key={i} className="mono">
                {step}
              </li>
            ))}
          </ol>
        </>
      ) : null}
      {provenance.materials.length > 0 ? (
        <>
          <h4>{t('provenance.materials')}</h4>
          <ul className="attestation-materials">
            {provenance.materials.map((m, i) => (
              <li key={`${m.uri}${i}`}>
                <Mono text={m.uri} /> {m.digest !== undefined ? <Mono text={m.digest} /> : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  )
}

function NotationView({ part }: { readonly part: NotationSignature }) {
  const { t } = useTranslation('attestations')
  return (
    <>
      <VerificationLine verification={part.verification} />
      <Facts>
        <Fact name={t('fact.signedArtifact')}>
          {part.signedDigest !== undefined ? <Mono text={part.signedDigest} /> : t('fact.notGiven')}{' '}
          <MatchBadge match={part.match} />
        </Fact>
        {part.signedMediaType !== undefined ? (
          <Fact name={t('fact.mediaType')}>
            <Mono text={part.signedMediaType} />
          </Fact>
        ) : null}
        {part.algorithm !== undefined ? (
          <Fact name={t('fact.algorithm')}>{part.algorithm}</Fact>
        ) : null}
      </Facts>
      {part.certificates.map((c, i) => (
        <CertificateView
          key={c.fingerprintSha256 + String(i)}
          title={t('bundle.certificate', { n: i + 1 })}
          certificate={c}
        />
      ))}
    </>
  )
}

function RawView({ part }: { readonly part: RawPart }) {
  // Re-renders with the language: the words come from translate().
  useTranslation('attestations')
  return (
    <>
      <p className="warning" role="note" data-testid="raw-reason" data-reason={part.reason.kind}>
        {rawReasonText(part.reason)}
      </p>
      {part.preview.kind === 'text' ? (
        <pre className="attestation-raw mono">{rawPreviewText(part.preview)}</pre>
      ) : (
        <p className="muted">{rawPreviewText(part.preview)}</p>
      )}
    </>
  )
}
