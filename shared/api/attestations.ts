// The attestations feature's part of the api contract: signatures (cosign, notation, sigstore
// bundles), in-toto statements (DSSE envelopes, buildx attestation layers), SLSA provenance and
// SPDX / CycloneDX SBOMs, decoded from a manifest in a registry or from a file inside a layer.
// Nothing here is trusted: a signature is "not verified" unless the user gave a public key and
// node's crypto checked it; a payload is matched against the image's digest and says so.

import type { Digest } from '../oci/types'
import type { Operation } from './common'

export interface DecodeAttestationArgs {
  /** The source reference whose repository holds what is decoded. */
  readonly ref: string
  /** A signature, referrer or attestation manifest to decode, by digest. */
  readonly digest?: Digest
  /** Or a file inside the image ("/usr/share/sbom/app.spdx.json"); ignored when `digest` is set. */
  readonly path?: string
  /** With `path`: 1-based layer position or layer digest; absent = the merged filesystem. */
  readonly layer?: string
  /** With `path`: which image of an index ("linux/amd64"). */
  readonly platform?: string
  /**
   * The image the signatures and statements should name. Default: the manifest's `subject`,
   * else the image a cosign `.sig` tag names, else what `ref` resolves to.
   */
  readonly subject?: Digest
  /** A PEM public key (ECDSA P-256 or Ed25519) to verify keyed signatures with. */
  readonly publicKey?: string
}

/** How a payload's digest compares with the image it is shown for. */
export type SubjectMatch = 'matches' | 'does-not-match' | 'unknown'

/**
 * What Strata could say about a signature. 'not-verified': nothing was checked (no key given,
 * or a certificate-based signature Strata does not verify offline). 'verified' / 'failed':
 * the given key was checked against the signed bytes.
 */
export type Verification =
  | { readonly status: 'not-verified'; readonly reason: string }
  | { readonly status: 'verified'; readonly algorithm: string }
  | { readonly status: 'failed'; readonly reason: string }

/** An X.509 certificate, decoded (never trusted). */
export interface SignerCertificate {
  readonly subject: string
  readonly issuer: string
  readonly notBefore: string
  readonly notAfter: string
  readonly subjectAltNames: readonly string[]
  readonly fingerprintSha256: string
  readonly serialNumber: string
}

/** Where a transparency log recorded the signature (cosign's bundle annotation). */
export interface TransparencyLogEntry {
  readonly logIndex?: number
  /** ISO 8601, from the entry's integratedTime (seconds since the epoch). */
  readonly integratedTime?: string
  readonly logId?: string
  /** What the entry's body says it is ("hashedrekord 0.0.1"). */
  readonly kind?: string
}

/** A cosign signature: one layer of a `.sig` tag image (or a referrer in the same shape). */
export interface CosignSignature {
  readonly kind: 'cosign-signature'
  /** critical.image.docker-manifest-digest */
  readonly signedDigest?: string
  /** critical.identity.docker-reference */
  readonly dockerReference?: string
  /** critical.type ("cosign container image signature") */
  readonly type?: string
  /** The `optional` claims, as text. */
  readonly optional: readonly { readonly name: string; readonly value: string }[]
  readonly match: SubjectMatch
  /** The signature annotation, base64 as written. */
  readonly signature?: string
  readonly certificate?: SignerCertificate
  readonly chain: readonly SignerCertificate[]
  /** Why the certificate or chain annotation could not be read. */
  readonly certificateError?: string
  /** That annotation as written (capped), shown beside the reason. */
  readonly certificateRaw?: string
  readonly transparencyLog?: TransparencyLogEntry
  readonly verification: Verification
}

/** One signature of a DSSE envelope. */
export interface EnvelopeSignature {
  readonly keyid?: string
  readonly sig: string
}

export interface StatementSubject {
  readonly name: string
  readonly digests: readonly { readonly algorithm: string; readonly value: string }[]
  readonly match: SubjectMatch
}

/** SLSA provenance (v0.2 or v1), summarised. */
export interface ProvenanceSummary {
  readonly slsaVersion: '0.2' | '1'
  readonly builderId?: string
  readonly buildType?: string
  /** v0.2 invocation.configSource / v1 externalParameters, as short name: value lines. */
  readonly parameters: readonly { readonly name: string; readonly value: string }[]
  /** Build steps where the predicate records them (buildx: the Dockerfile's steps). */
  readonly steps: readonly string[]
  /** v0.2 materials / v1 resolvedDependencies. */
  readonly materials: readonly {
    readonly uri: string
    readonly digest?: string
  }[]
  readonly startedOn?: string
  readonly finishedOn?: string
}

export interface SbomPackage {
  readonly name: string
  readonly version?: string
  readonly license?: string
  readonly purl?: string
}

/** An SPDX 2.x or CycloneDX 1.4–1.6 JSON document's packages. */
export interface SbomTable {
  readonly format: 'spdx' | 'cyclonedx'
  readonly specVersion: string
  readonly documentName?: string
  readonly packages: readonly SbomPackage[]
  /** Packages in the document; more than `packages.length` when the list was capped. */
  readonly total: number
}

/** An in-toto statement, from a DSSE envelope or a plain buildx attestation layer. */
export interface InTotoStatement {
  readonly kind: 'in-toto'
  readonly envelope: 'dsse' | 'none'
  readonly payloadType?: string
  readonly signatures: readonly EnvelopeSignature[]
  readonly statementType: string
  readonly predicateType: string
  readonly subjects: readonly StatementSubject[]
  /** True when some subject names the image Strata compared with. */
  readonly subjectMatch: SubjectMatch
  readonly provenance?: ProvenanceSummary
  readonly sbom?: SbomTable
  readonly verification: Verification
  /** Set when the envelope came in a Sigstore bundle (cosign 3, GitHub attestations). */
  readonly bundle?: BundleMaterial
}

/** A Sigstore bundle's verification material, decoded (never trusted). */
export interface BundleMaterial {
  /** The bundle's media type ("application/vnd.dev.sigstore.bundle.v0.3+json"). */
  readonly mediaType: string
  readonly certificates: readonly SignerCertificate[]
  /** The public key hint of a keyed bundle. */
  readonly publicKeyHint?: string
  readonly transparencyLog: readonly TransparencyLogEntry[]
}

export interface SbomDocument {
  readonly kind: 'sbom'
  readonly sbom: SbomTable
}

/** A notation signature (JWS): what it signs; COSE envelopes are shown raw. */
export interface NotationSignature {
  readonly kind: 'notation-signature'
  readonly signedDigest?: string
  readonly signedMediaType?: string
  readonly match: SubjectMatch
  readonly algorithm?: string
  readonly certificates: readonly SignerCertificate[]
  readonly verification: Verification
}

/** Something that could not be decoded: shown raw with the reason. */
export interface RawPart {
  readonly kind: 'raw'
  readonly reason: string
  /** The first bytes as text (capped), or a note that they are binary. */
  readonly preview: string
  readonly truncated: boolean
}

export type DecodedPart =
  CosignSignature | InTotoStatement | SbomDocument | NotationSignature | RawPart

/** One layer of the manifest (or the file, or one line of a .jsonl file), decoded. */
export interface DecodedItem {
  /** "layers[0] application/vnd.dev.cosign.simplesigning.v1+json", "line 3". */
  readonly label: string
  readonly mediaType?: string
  readonly size: number
  readonly part: DecodedPart
}

export interface AttestationReport {
  /** What was decoded: a manifest by digest, or a file in a layer. */
  readonly from:
    | {
        readonly kind: 'manifest'
        readonly digest: Digest
        readonly mediaType: string
        readonly artifactType?: string
      }
    | { readonly kind: 'file'; readonly path: string; readonly layer: number }
  /** The image digest payloads were matched against, when known. */
  readonly subject?: Digest
  readonly items: readonly DecodedItem[]
  /** Problems that did not stop the rest (a layer over the cap). */
  readonly warnings: readonly string[]
}

export interface AttestationsOperations {
  'attestations:decode': Operation<DecodeAttestationArgs, AttestationReport>
}
