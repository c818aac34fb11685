// Certificates and keys in PEM text (one certificate, a CA bundle, a key next to its chain) or a
// single DER certificate, decoded with node's X509Certificate: subject, issuer, validity, serial,
// subject alternative names, SHA-256 fingerprint, CA flag. Private keys are recognised by their
// PEM label and reported as such, never decoded or returned. A block that does not decode is
// named with the reason, without its bytes.

import { X509Certificate } from 'node:crypto'
import type { PemProblem, PemSummary, X509Summary } from '../../../shared/api/files'

/** Certificates listed per file; a bundle beyond this is marked truncated. */
const MAX_CERTIFICATES = 1000

const BLOCK = /-----BEGIN ([A-Z0-9 ]{1,64})-----([\s\S]*?)-----END \1-----/g
const PEM_START = /-----BEGIN [A-Z0-9 ]{1,64}-----/

/** Whether the text holds PEM blocks at all (what decides that a file is one to decode). */
export function looksLikePem(text: string): boolean {
  return PEM_START.test(text)
}

/** A DER certificate starts with a SEQUENCE of a long-form length: 30 81/82/83. */
export function looksLikeDerCertificate(bytes: Uint8Array): boolean {
  return bytes[0] === 0x30 && (bytes[1] === 0x82 || bytes[1] === 0x83) && bytes.length > 64
}

export function summarizePem(text: string): PemSummary {
  const certificates: X509Summary[] = []
  const privateKeys: { label: string }[] = []
  const problems: PemProblem[] = []
  let truncated = false
  let index = 0
  for (const match of text.matchAll(BLOCK)) {
    index++
    const label = match[1] ?? ''
    if (label.includes('PRIVATE KEY')) {
      privateKeys.push({ label })
      continue
    }
    if (
      label !== 'CERTIFICATE' &&
      label !== 'TRUSTED CERTIFICATE' &&
      label !== 'X509 CERTIFICATE'
    ) {
      continue
    }
    if (certificates.length >= MAX_CERTIFICATES) {
      truncated = true
      continue
    }
    try {
      const der = Buffer.from((match[2] ?? '').replace(/\s+/g, ''), 'base64')
      certificates.push(describeCertificate(new X509Certificate(der)))
    } catch (error) {
      const cause = codeOf(error)
      problems.push({
        kind: 'pemBlockUndecodable',
        block: index,
        label,
        ...(cause !== undefined ? { cause } : {}),
      })
    }
  }
  return { certificates, privateKeys, problems, truncated }
}

export function summarizeDer(bytes: Uint8Array): PemSummary {
  return {
    certificates: [describeCertificate(new X509Certificate(bytes))],
    privateKeys: [],
    problems: [],
    truncated: false,
  }
}

function describeCertificate(certificate: X509Certificate): X509Summary {
  return {
    subject: certificate.subject,
    issuer: certificate.issuer,
    validFrom: isoDate(certificate.validFrom),
    validTo: isoDate(certificate.validTo),
    serialNumber: evenHex(certificate.serialNumber),
    subjectAltNames: splitAltNames(certificate.subjectAltName),
    fingerprintSha256: certificate.fingerprint256,
    isCa: certificate.ca,
    selfSigned: certificate.checkIssued(certificate),
  }
}

/** Whole bytes, as openssl prints a serial ("0" → "00"). */
function evenHex(hex: string): string {
  return hex.length % 2 === 1 ? `0${hex}` : hex
}

/** "DNS:a, DNS:b" → ["DNS:a", "DNS:b"] (node quotes entries holding a comma). */
function splitAltNames(value: string | undefined): string[] {
  if (value === undefined || value === '') return []
  const out: string[] = []
  for (const m of value.matchAll(/(?:[^,"]|"(?:[^"\\]|\\.)*")+/g)) {
    const entry = unquote(m[0].trim())
    if (entry !== '') out.push(entry)
  }
  return out
}

/** `DirName:"a\u002cb"` (node's JSON quoting of odd values) → `DirName:a,b`. */
function unquote(entry: string): string {
  const quoted = /^([^:"]+):("(?:[^"\\]|\\.)*")$/.exec(entry)
  if (quoted === null) return entry
  try {
    const value: unknown = JSON.parse(quoted[2] ?? '')
    return typeof value === 'string' ? `${quoted[1] ?? ''}:${value}` : entry
  } catch {
    return entry
  }
}

/** "Sep 22 11:22:02 2030 GMT" → "2030-09-22T11:22:02.000Z" (kept as written if unreadable). */
function isoDate(text: string): string {
  const time = Date.parse(text)
  return Number.isNaN(time) ? text : new Date(time).toISOString()
}

/** The decoder's error code ("ERR_OSSL_…"), never its message or the block's bytes. */
function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown }).code
  return typeof code === 'string' ? code : undefined
}
