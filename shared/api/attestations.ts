// The attestations feature's part of the api contract: signatures (cosign, notation, sigstore
// bundles), in-toto statements (DSSE envelopes, buildx attestation layers), SLSA provenance and
// SPDX / CycloneDX SBOMs, decoded from a manifest in a registry or from a file inside a layer.
// Nothing here is trusted: a signature is "not verified" unless the user gave a public key and
// node's crypto checked it; a payload is matched against the image's digest and says so.

import type { ApiError } from '../errors'
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
 * Why a signature was not checked. The main side sends the kind, never a sentence: the views
 * word it in the language shown, shared/attestationText.ts in English for logs.
 */
export type NotVerifiedReason =
  /** No public key was given; `signed` says what would be checked with one. */
  | { readonly kind: 'noKey'; readonly signed: 'signature' | 'envelope' }
  /** A keyless (Fulcio certificate) cosign signature: needs the Sigstore roots, not fetched. */
  | { readonly kind: 'keyless' }
  /** A plain in-toto statement: there is no signature to check. */
  | { readonly kind: 'unsigned' }
  /** Notation signatures are checked against a trust store and policy Strata does not have. */
  | { readonly kind: 'trustPolicy' }

/** Why a check with the given key failed. */
export type VerificationFailure =
  | { readonly kind: 'noSignature' }
  | { readonly kind: 'signatureNotBase64' }
  /** The signature does not check with this key (`algorithm`: "ECDSA prime256v1 SHA256"). */
  | { readonly kind: 'mismatch'; readonly algorithm: string }

/**
 * What Strata could say about a signature. 'not-verified': nothing was checked (no key given,
 * or a certificate-based signature Strata does not verify offline). 'verified' / 'failed':
 * the given key was checked against the signed bytes.
 */
export type Verification =
  | { readonly status: 'not-verified'; readonly reason: NotVerifiedReason }
  | { readonly status: 'verified'; readonly algorithm: string }
  | { readonly status: 'failed'; readonly reason: VerificationFailure }

/** Why a cosign certificate or chain annotation could not be read. */
export type CertificateProblem =
  | { readonly kind: 'noPemBlock'; readonly annotation: 'certificate' | 'chain' }
  /** The `position`th (1-based) PEM block of the annotation is not a DER certificate. */
  | {
      readonly kind: 'notDer'
      readonly annotation: 'certificate' | 'chain'
      readonly position: number
    }

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
  readonly certificateError?: CertificateProblem
  /** That annotation as written (capped), shown beside the reason. */
  readonly certificateRaw?: string
  readonly transparencyLog?: TransparencyLogEntry
  readonly verification: Verification
}

/**
 * What cosign writes in a layer's annotations beside what it signed: the Fulcio certificate
 * and chain, the Rekor entry (decoded, never trusted). On `.sig` layers and on the DSSE layers
 * of a keyless `.att` tag.
 */
export type CosignMaterial = Pick<
  CosignSignature,
  'certificate' | 'chain' | 'certificateError' | 'certificateRaw' | 'transparencyLog'
>

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
  /** Set when the envelope is a layer of cosign's `.att` tag with certificate or log annotations. */
  readonly cosign?: CosignMaterial
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

/** Why an SPDX or CycloneDX document is not one Strata reads. */
export type SbomProblem =
  | { readonly kind: 'notSbom' }
  /** `version` as written (capped): SPDX 2.x JSON is read. */
  | { readonly kind: 'spdxVersion'; readonly version: string }
  /** `version` as written (capped): CycloneDX 1.x JSON is read. */
  | { readonly kind: 'cyclonedxVersion'; readonly version: string }

/** Bytes a text or JSON problem was found in. */
export type DecodedBytes = 'document' | 'simpleSigningPayload' | 'dssePayload'

/**
 * Why a part was shown raw: a kind and its data, never a sentence (worded by the views in the
 * language shown; in English by shared/attestationText.ts for logs and tests).
 */
export type RawReason =
  /** Over the decode cap (bytes). */
  | { readonly kind: 'overCap'; readonly size: number; readonly cap: number }
  | { readonly kind: 'notText'; readonly bytes: DecodedBytes }
  | { readonly kind: 'notJson'; readonly bytes: DecodedBytes }
  | { readonly kind: 'notObject' }
  /** A simple-signing payload without its "critical" section. */
  | { readonly kind: 'noCriticalSection' }
  /** A notation signature in COSE form (binary CBOR); only the JWS form is decoded. */
  | { readonly kind: 'coseSignature' }
  | { readonly kind: 'sbomUnreadable'; readonly problem: SbomProblem }
  /** A DSSE envelope without "payloadType", a base64 "payload" or "signatures". */
  | { readonly kind: 'dsseMalformed' }
  | { readonly kind: 'dssePayloadNotBase64' }
  | { readonly kind: 'dsseNoSignatures' }
  /** The envelope's payload (of `payloadType`) is not an in-toto statement. */
  | { readonly kind: 'dssePayloadNotStatement'; readonly payloadType: string }
  /** An in-toto statement without "_type" or "predicateType". */
  | { readonly kind: 'statementFields' }
  /** A notation JWS without a readable base64url "payload" or "protected" header. */
  | { readonly kind: 'jwsUnreadable' }
  /** A Sigstore bundle signing a digest (a message signature), with its log indexes. */
  | { readonly kind: 'bundleMessageSignature'; readonly logIndexes: readonly number[] }
  /** None of the formats Strata decodes. */
  | { readonly kind: 'unknownDocument' }
  /** The layer could not be read (the error words why). */
  | { readonly kind: 'unreadable'; readonly error: ApiError }

/** The first bytes of a raw part: text (capped), or only the size when they are binary. */
export type RawPreview =
  | { readonly kind: 'text'; readonly text: string; readonly truncated: boolean }
  | { readonly kind: 'binary'; readonly size: number }

/** Something that could not be decoded: shown raw with the reason. */
export interface RawPart {
  readonly kind: 'raw'
  readonly reason: RawReason
  readonly preview: RawPreview
}

export type DecodedPart =
  CosignSignature | InTotoStatement | SbomDocument | NotationSignature | RawPart

/** Which bytes an item is: a manifest layer, a file, or one line of a .jsonl file. */
export type ItemLabel =
  /** 0-based position in the manifest's layers (shown as the token "layers[0]"). */
  | { readonly kind: 'layer'; readonly position: number }
  | { readonly kind: 'file'; readonly name: string }
  /** 1-based line of a .jsonl file. */
  | { readonly kind: 'line'; readonly file: string; readonly line: number }

/** One layer of the manifest (or the file, or one line of a .jsonl file), decoded. */
export interface DecodedItem {
  readonly label: ItemLabel
  readonly mediaType?: string
  readonly size: number
  readonly part: DecodedPart
}

/** A problem that did not stop the rest: only the first `decoded` of `total` were decoded. */
export type AttestationWarning =
  | { readonly kind: 'layersCapped'; readonly decoded: number; readonly total: number }
  | { readonly kind: 'linesCapped'; readonly decoded: number; readonly total: number }

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
  /** Problems that did not stop the rest (more layers or lines than are decoded). */
  readonly warnings: readonly AttestationWarning[]
}

export interface AttestationsOperations {
  'attestations:decode': Operation<DecodeAttestationArgs, AttestationReport>
}
