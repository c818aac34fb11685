// One decoded part: a cosign or notation signature, an in-toto statement (with its SLSA
// provenance or SBOM), an SBOM, or the raw bytes with the reason they were not decoded.
import type { ReactNode } from 'react'
import type {
  BundleMaterial,
  CosignSignature,
  DecodedPart,
  InTotoStatement,
  NotationSignature,
  ProvenanceSummary,
  RawPart,
  SignerCertificate,
  TransparencyLogEntry,
} from '../../../shared/api/attestations'
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

function Mono({ text }: { readonly text: string }) {
  return <span className="mono break-all">{text}</span>
}

function CosignView({ part }: { readonly part: CosignSignature }) {
  return (
    <>
      <VerificationLine verification={part.verification} />
      <Facts>
        <Fact name="signed image digest">
          {part.signedDigest !== undefined ? <Mono text={part.signedDigest} /> : 'not given'}{' '}
          <MatchBadge match={part.match} />
        </Fact>
        {part.dockerReference !== undefined ? (
          <Fact name="identity">
            <Mono text={part.dockerReference} />
          </Fact>
        ) : null}
        {part.type !== undefined ? <Fact name="type">{part.type}</Fact> : null}
        {part.optional.map((o) => (
          <Fact key={o.name} name={o.name}>
            <Mono text={o.value} />
          </Fact>
        ))}
        {part.signature !== undefined ? (
          <Fact name="signature">
            <Mono text={part.signature} />
          </Fact>
        ) : null}
      </Facts>
      {part.certificate !== undefined ? (
        <CertificateView title="Certificate" certificate={part.certificate} />
      ) : null}
      {part.chain.map((c, i) => (
        <CertificateView
          key={c.fingerprintSha256 + String(i)}
          title={`Chain ${i + 1}`}
          certificate={c}
        />
      ))}
      {part.certificateError !== undefined ? (
        <>
          <p className="warning" role="note" data-testid="raw-reason">
            The {part.certificateError}; shown as written in the manifest’s annotations.
          </p>
          {part.certificateRaw !== undefined ? (
            <pre className="attestation-raw mono">{part.certificateRaw}</pre>
          ) : null}
        </>
      ) : null}
      {part.transparencyLog !== undefined ? <LogEntryView entry={part.transparencyLog} /> : null}
    </>
  )
}

function LogEntryView({ entry }: { readonly entry: TransparencyLogEntry }) {
  return (
    <section className="attestation-subsection" data-testid="transparency-log">
      <h4>Transparency log entry (not verified)</h4>
      <Facts>
        {entry.logIndex !== undefined ? <Fact name="log index">{entry.logIndex}</Fact> : null}
        {entry.integratedTime !== undefined ? (
          <Fact name="integrated time">{entry.integratedTime}</Fact>
        ) : null}
        {entry.logId !== undefined ? (
          <Fact name="log id">
            <Mono text={entry.logId} />
          </Fact>
        ) : null}
        {entry.kind !== undefined ? <Fact name="entry">{entry.kind}</Fact> : null}
      </Facts>
    </section>
  )
}

function BundleView({ bundle }: { readonly bundle: BundleMaterial }) {
  return (
    <>
      <p className="muted">
        Sigstore bundle <span className="mono">{bundle.mediaType}</span>
        {bundle.publicKeyHint !== undefined ? ` · public key hint ${bundle.publicKeyHint}` : ''}
      </p>
      {bundle.certificates.map((c, i) => (
        <CertificateView
          key={c.fingerprintSha256 + String(i)}
          title={`Certificate ${i + 1}`}
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
  return (
    <section className="attestation-subsection" data-testid="certificate">
      <h4>{title} (decoded, not trusted)</h4>
      <Facts>
        <Fact name="subject">{certificate.subject}</Fact>
        <Fact name="issuer">{certificate.issuer}</Fact>
        <Fact name="valid">
          {certificate.notBefore} → {certificate.notAfter}
        </Fact>
        {certificate.subjectAltNames.length > 0 ? (
          <Fact name="names">{certificate.subjectAltNames.join(', ')}</Fact>
        ) : null}
        <Fact name="SHA-256">
          <Mono text={certificate.fingerprintSha256} />
        </Fact>
      </Facts>
    </section>
  )
}

function InTotoView({ part }: { readonly part: InTotoStatement }) {
  return (
    <>
      <VerificationLine verification={part.verification} />
      <Facts>
        <Fact name="predicate type">
          <Mono text={part.predicateType} />
        </Fact>
        <Fact name="statement">
          <Mono text={part.statementType} />
        </Fact>
        <Fact name="envelope">
          {part.envelope === 'dsse'
            ? `DSSE (${part.payloadType ?? ''})`
            : 'none (unsigned statement)'}
        </Fact>
        {part.signatures.map((s, i) => (
          <Fact
            key={`${s.keyid ?? ''}${i}`}
            name={s.keyid !== undefined ? `signature ${s.keyid}` : 'signature'}
          >
            <Mono text={s.sig} />
          </Fact>
        ))}
      </Facts>
      <section className="attestation-subsection">
        <h4>
          Subjects <MatchBadge match={part.subjectMatch} />
        </h4>
        <ul className="attestation-subjects">
          {part.subjects.map((s, i) => (
            <li key={`${s.name}${i}`}>
              <Mono text={s.name || '(no name)'} />{' '}
              {s.digests.map((d) => (
                <Mono key={d.algorithm} text={` ${d.algorithm}:${d.value}`} />
              ))}{' '}
              <MatchBadge match={s.match} />
            </li>
          ))}
        </ul>
      </section>
      {part.bundle !== undefined ? <BundleView bundle={part.bundle} /> : null}
      {part.provenance !== undefined ? <ProvenanceView provenance={part.provenance} /> : null}
      {part.sbom !== undefined ? <SbomTableView sbom={part.sbom} /> : null}
    </>
  )
}

function ProvenanceView({ provenance }: { readonly provenance: ProvenanceSummary }) {
  return (
    <section className="attestation-subsection" data-testid="provenance">
      <h4>SLSA provenance v{provenance.slsaVersion}</h4>
      <Facts>
        <Fact name="builder">
          <Mono text={provenance.builderId ?? 'not given'} />
        </Fact>
        <Fact name="build type">
          <Mono text={provenance.buildType ?? 'not given'} />
        </Fact>
        {provenance.startedOn !== undefined ? (
          <Fact name="started">{provenance.startedOn}</Fact>
        ) : null}
        {provenance.finishedOn !== undefined ? (
          <Fact name="finished">{provenance.finishedOn}</Fact>
        ) : null}
        {provenance.parameters.map((p) => (
          <Fact key={p.name} name={p.name}>
            <Mono text={p.value} />
          </Fact>
        ))}
      </Facts>
      {provenance.steps.length > 0 ? (
        <>
          <h4>Build steps</h4>
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
          <h4>Materials</h4>
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
  return (
    <>
      <VerificationLine verification={part.verification} />
      <Facts>
        <Fact name="signed artifact">
          {part.signedDigest !== undefined ? <Mono text={part.signedDigest} /> : 'not given'}{' '}
          <MatchBadge match={part.match} />
        </Fact>
        {part.signedMediaType !== undefined ? (
          <Fact name="media type">
            <Mono text={part.signedMediaType} />
          </Fact>
        ) : null}
        {part.algorithm !== undefined ? <Fact name="algorithm">{part.algorithm}</Fact> : null}
      </Facts>
      {part.certificates.map((c, i) => (
        <CertificateView
          key={c.fingerprintSha256 + String(i)}
          title={`Certificate ${i + 1}`}
          certificate={c}
        />
      ))}
    </>
  )
}

function RawView({ part }: { readonly part: RawPart }) {
  return (
    <>
      <p className="warning" role="note" data-testid="raw-reason">
        {part.reason}
      </p>
      <pre className="attestation-raw mono">
        {part.preview}
        {part.truncated ? '\n…' : ''}
      </pre>
    </>
  )
}
