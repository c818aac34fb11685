// X.509 certificates from signature annotations (cosign's certificate and chain, notation's
// x5c), decoded with node's X509Certificate. Decoded only: nothing here makes them trusted.

import { X509Certificate } from 'node:crypto'
import type { CertificateProblem, SignerCertificate } from '../../shared/api/attestations'
import { MAX_CHAIN_CERTIFICATES } from './limits'

const PEM_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g

export function summarizeCertificate(cert: X509Certificate): SignerCertificate {
  return {
    subject: oneLine(cert.subject),
    issuer: oneLine(cert.issuer),
    notBefore: new Date(cert.validFrom).toISOString(),
    notAfter: new Date(cert.validTo).toISOString(),
    subjectAltNames: (cert.subjectAltName ?? '')
      .split(/,\s*/)
      .map((s) => s.trim())
      .filter((s) => s !== ''),
    fingerprintSha256: cert.fingerprint256,
    serialNumber: cert.serialNumber,
  }
}

/** The problem with an annotation's PEM text, once told which annotation it came from. */
type ProblemIn = (annotation: CertificateProblem['annotation']) => CertificateProblem

/** Every certificate of a PEM text, or the problem that stops Strata reading them. */
export function readPemCertificates(
  pem: string,
): { readonly certificates: SignerCertificate[] } | { readonly problem: ProblemIn } {
  const blocks = pem.match(PEM_BLOCK) ?? []
  if (blocks.length === 0) return { problem: (annotation) => ({ kind: 'noPemBlock', annotation }) }
  const certificates: SignerCertificate[] = []
  for (const block of blocks.slice(0, MAX_CHAIN_CERTIFICATES)) {
    try {
      certificates.push(summarizeCertificate(new X509Certificate(block)))
    } catch {
      const position = certificates.length + 1
      return { problem: (annotation) => ({ kind: 'notDer', annotation, position }) }
    }
  }
  return { certificates }
}

/** A base64 DER certificate (JWS x5c, sigstore bundles), or undefined when it is not one. */
export function readDerCertificate(base64: string): SignerCertificate | undefined {
  try {
    return summarizeCertificate(new X509Certificate(Buffer.from(base64, 'base64')))
  } catch {
    return undefined
  }
}

function oneLine(name: string): string {
  return name
    .split('\n')
    .filter((s) => s !== '')
    .join(', ')
}
