// Signatures and attestations written by the harness from their specs, with node:crypto (and
// openssl for certificates): cosign's simple-signing payload and `.sig` tag image (payload
// layers with the signature, certificate and Rekor bundle annotations) and `.att` tag image
// (DSSE envelope layers), DSSE envelopes over in-toto statements (PAE), SLSA provenance v0.2
// and v1, and buildx-style attestation manifests. Debian has no cosign, notation or syft, so
// these follow the formats' definitions.

import { execFileSync } from 'node:child_process'
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Descriptor } from '../../shared/oci/types'
import { OCI, type OciLayoutBuilder } from './ociBuilder'
import { RegistryPusher } from './ociPusher'

export const SIMPLE_SIGNING = 'application/vnd.dev.cosign.simplesigning.v1+json'
export const IN_TOTO = 'application/vnd.in-toto+json'
export const DSSE = 'application/vnd.dsse.envelope.v1+json'

export interface SigningKey {
  readonly kind: 'ecdsa-p256' | 'ed25519'
  readonly privateKey: KeyObject
  readonly publicKeyPem: string
}

export function generateSigningKey(kind: SigningKey['kind']): SigningKey {
  const pair =
    kind === 'ed25519'
      ? generateKeyPairSync('ed25519')
      : generateKeyPairSync('ec', { namedCurve: 'prime256v1' })
  return {
    kind,
    privateKey: pair.privateKey,
    publicKeyPem: pair.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  }
}

/** A base64 signature over `bytes`: ECDSA P-256 SHA-256 (ASN.1 DER) as cosign writes, or Ed25519. */
export function signBytes(key: SigningKey, bytes: Uint8Array): string {
  const hash = key.kind === 'ed25519' ? null : 'sha256'
  return sign(hash, bytes, key.privateKey).toString('base64')
}

/** cosign's simple-signing payload for an image digest, as cosign serialises it. */
export function simpleSigningPayload(digest: string, dockerReference: string): Uint8Array {
  return new TextEncoder().encode(
    JSON.stringify({
      critical: {
        identity: { 'docker-reference': dockerReference },
        image: { 'docker-manifest-digest': digest },
        type: 'cosign container image signature',
      },
      optional: { creator: 'strata test harness' },
    }),
  )
}

/** cosign's `dev.sigstore.cosign/bundle` annotation: a Rekor entry's SET and payload. */
export function rekorBundleAnnotation(entry: {
  readonly logIndex: number
  readonly integratedTime: number
  readonly logId: string
}): string {
  const body = Buffer.from(
    JSON.stringify({ apiVersion: '0.0.1', kind: 'hashedrekord', spec: {} }),
  ).toString('base64')
  return JSON.stringify({
    SignedEntryTimestamp: Buffer.from('not a real timestamp').toString('base64'),
    Payload: {
      body,
      integratedTime: entry.integratedTime,
      logIndex: entry.logIndex,
      logID: entry.logId,
    },
  })
}

/** A self-signed P-256 certificate with an email SAN, made by openssl (as Fulcio would issue one). */
export function makeCertificatePem(email: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'strata-cert-'))
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
        '-days',
        '1',
        '-subj',
        '/O=sigstore.dev/CN=sigstore-intermediate',
        '-addext',
        `subjectAltName=email:${email}`,
      ],
      { stdio: 'pipe' },
    )
    return readFileSync(join(dir, 'cert.pem'), 'utf8')
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

export interface CosignSignatureSpec {
  readonly subject: Descriptor
  readonly dockerReference: string
  readonly key: SigningKey
  /** Sign this payload instead (a tampered or foreign payload). */
  readonly payload?: Uint8Array
  /** Sign these bytes while storing `payload` (a signature that does not match its payload). */
  readonly signedBytes?: Uint8Array
  readonly certificatePem?: string
  readonly bundle?: string
}

/** The `.sig` image cosign pushes: one simple-signing layer per signature, annotated. */
export function buildCosignSignatureImage(
  builder: OciLayoutBuilder,
  spec: CosignSignatureSpec,
): Descriptor {
  const payload = spec.payload ?? simpleSigningPayload(spec.subject.digest, spec.dockerReference)
  const layer = builder.addBlob(payload, SIMPLE_SIGNING, {
    annotations: {
      'dev.cosignproject.cosign/signature': signBytes(spec.key, spec.signedBytes ?? payload),
      ...(spec.certificatePem !== undefined
        ? { 'dev.sigstore.cosign/certificate': spec.certificatePem }
        : {}),
      ...(spec.bundle !== undefined ? { 'dev.sigstore.cosign/bundle': spec.bundle } : {}),
    },
  })
  const config = builder.addConfig({
    architecture: '',
    os: '',
    config: {},
    rootfs: { type: 'layers', diff_ids: [layer.digest] },
  })
  return builder.addManifest({ config, layers: [layer] })
}

/** Pushes the signature image under cosign's tag for the subject: `sha256-<hex>.sig`. */
export async function pushCosignSignatureTag(
  host: string,
  repository: string,
  builder: OciLayoutBuilder,
  signature: Descriptor,
  subject: Descriptor,
): Promise<string> {
  return pushUnderCosignTag(host, repository, builder, signature, subject, 'sig')
}

/**
 * The `.att` image cosign (before v3) pushes for `cosign attest`: one layer per attestation,
 * the DSSE envelope itself (media type application/vnd.dsse.envelope.v1+json), annotated
 * with its predicateType and with the signature annotation left empty (the signatures are in
 * the envelope), as cosign's static layers write it.
 */
export function buildCosignAttestationImage(
  builder: OciLayoutBuilder,
  attestations: readonly { readonly envelope: string; readonly predicateType: string }[],
): Descriptor {
  const layers = attestations.map((a) =>
    builder.addBlob(new TextEncoder().encode(a.envelope), DSSE, {
      annotations: { 'dev.cosignproject.cosign/signature': '', predicateType: a.predicateType },
    }),
  )
  const config = builder.addConfig({
    architecture: '',
    os: '',
    config: {},
    rootfs: { type: 'layers', diff_ids: layers.map((l) => l.digest) },
  })
  return builder.addManifest({ config, layers })
}

/** Pushes the attestation image under cosign's tag for the subject: `sha256-<hex>.att`. */
export async function pushCosignAttestationTag(
  host: string,
  repository: string,
  builder: OciLayoutBuilder,
  attestation: Descriptor,
  subject: Descriptor,
): Promise<string> {
  return pushUnderCosignTag(host, repository, builder, attestation, subject, 'att')
}

async function pushUnderCosignTag(
  host: string,
  repository: string,
  builder: OciLayoutBuilder,
  image: Descriptor,
  subject: Descriptor,
  suffix: 'sig' | 'att',
): Promise<string> {
  const tag = `${subject.digest.replace(':', '-')}.${suffix}`
  await new RegistryPusher({ host }).pushTree(
    repository,
    image.digest,
    OCI.manifest,
    (d) => builder.getBlob(d),
    [tag],
  )
  return tag
}

/** DSSE's Pre-Authentication Encoding, written here from the protocol text. */
export function pae(payloadType: string, payload: Uint8Array): Uint8Array {
  const type = Buffer.from(payloadType, 'utf8')
  return Buffer.concat([
    Buffer.from(`DSSEv1 ${type.length} `, 'utf8'),
    type,
    Buffer.from(` ${payload.length} `, 'utf8'),
    payload,
  ])
}

export function inTotoStatement(
  subjects: readonly { readonly name: string; readonly digest: string }[],
  predicateType: string,
  predicate: unknown,
): Record<string, unknown> {
  return {
    _type: 'https://in-toto.io/Statement/v1',
    subject: subjects.map((s) => {
      const [algorithm = 'sha256', hex = ''] = s.digest.split(':')
      return { name: s.name, digest: { [algorithm]: hex } }
    }),
    predicateType,
    predicate,
  }
}

/** A DSSE envelope over a statement, signed over PAE(payloadType, payload). */
export function dsseEnvelope(statement: unknown, key: SigningKey, keyid = 'harness-key'): string {
  const payload = Buffer.from(JSON.stringify(statement), 'utf8')
  return JSON.stringify({
    payloadType: IN_TOTO,
    payload: payload.toString('base64'),
    signatures: [{ keyid, sig: signBytes(key, pae(IN_TOTO, payload)) }],
  })
}

/** SLSA provenance v0.2 as buildx writes it (builder, buildType, invocation, materials). */
export function slsaProvenanceV02(baseImage: string, baseDigest: string): unknown {
  return {
    builder: { id: 'https://github.com/docker/buildx@v0.12.0' },
    buildType: 'https://mobyproject.org/buildkit@v1',
    materials: [
      {
        uri: `pkg:docker/${baseImage}?platform=linux%2Famd64`,
        digest: { sha256: baseDigest.split(':')[1] },
      },
    ],
    invocation: {
      configSource: { entryPoint: 'Dockerfile' },
      parameters: { frontend: 'dockerfile.v0', args: { 'build-arg:VERSION': '1.2.3' } },
    },
    buildConfig: {
      llbDefinition: [
        { id: 'step0', op: { source: { identifier: `docker-image://${baseImage}` } } },
        { id: 'step1', op: { exec: { meta: { args: ['/bin/sh', '-c', 'make install'] } } } },
      ],
    },
    metadata: { buildStartedOn: '2026-01-02T03:04:05Z', buildFinishedOn: '2026-01-02T03:05:00Z' },
  }
}

/** SLSA provenance v1 (buildDefinition, runDetails). */
export function slsaProvenanceV1(repo: string, commit: string): unknown {
  return {
    buildDefinition: {
      buildType: 'https://slsa-framework.github.io/github-actions-buildtypes/workflow/v1',
      externalParameters: {
        workflow: {
          ref: 'refs/heads/main',
          repository: repo,
          path: '.github/workflows/release.yml',
        },
      },
      resolvedDependencies: [{ uri: `git+${repo}@refs/heads/main`, digest: { gitCommit: commit } }],
    },
    runDetails: {
      builder: { id: 'https://github.com/actions/runner/github-hosted' },
      metadata: { invocationId: 'run-1', startedOn: '2026-02-03T04:05:06Z' },
    },
  }
}

/**
 * A buildx-style attestation manifest for `image`: in-toto layers (plain statements, not
 * DSSE), listed in an index beside the image with vnd.docker.reference.* annotations and
 * platform unknown/unknown.
 */
export function buildAttestationManifest(
  builder: OciLayoutBuilder,
  image: Descriptor,
  statements: readonly { readonly predicateType: string; readonly statement: unknown }[],
): Descriptor {
  const layers = statements.map((s) =>
    builder.addJson(s.statement, IN_TOTO, {
      annotations: { 'in-toto.io/predicate-type': s.predicateType },
    }),
  )
  const config = builder.addConfig({
    architecture: 'unknown',
    os: 'unknown',
    config: {},
    rootfs: { type: 'layers', diff_ids: layers.map((l) => l.digest) },
  })
  return builder.addManifest({
    config,
    layers,
    platform: { os: 'unknown', architecture: 'unknown' },
    descriptorAnnotations: {
      'vnd.docker.reference.digest': image.digest,
      'vnd.docker.reference.type': 'attestation-manifest',
    },
  })
}

/**
 * A Sigstore bundle v0.3 around a DSSE envelope, as cosign 3 pushes it as a referrer: the
 * certificate (DER, base64) or a public key hint, and one transparency-log entry (numbers as
 * strings, the log id as a base64 keyId, as protobuf JSON writes them).
 */
export function sigstoreBundle(
  envelope: string,
  material: {
    readonly certificatePem?: string
    readonly publicKeyHint?: string
    readonly logIndex: number
    readonly integratedTime: number
    readonly logIdHex: string
  },
): string {
  const der = material.certificatePem
    ?.replace(/-----(BEGIN|END) CERTIFICATE-----/g, '')
    .replace(/\s+/g, '')
  return JSON.stringify({
    mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json',
    verificationMaterial: {
      ...(der !== undefined ? { certificate: { rawBytes: der } } : {}),
      ...(material.publicKeyHint !== undefined
        ? { publicKey: { hint: material.publicKeyHint } }
        : {}),
      tlogEntries: [
        {
          logIndex: String(material.logIndex),
          logId: { keyId: Buffer.from(material.logIdHex, 'hex').toString('base64') },
          kindVersion: { kind: 'dsse', version: '0.0.1' },
          integratedTime: String(material.integratedTime),
        },
      ],
    },
    dsseEnvelope: JSON.parse(envelope) as unknown,
  })
}
