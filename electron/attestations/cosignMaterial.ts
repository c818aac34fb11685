// What cosign writes in a layer's annotations beside the signed bytes: the Fulcio certificate
// and chain (PEM) and the Rekor bundle. Read the same way for `.sig` layers and for the DSSE
// layers of a keyless `.att` tag; decoded for display, never trusted.

import type { CosignMaterial } from '../../shared/api/attestations'
import type { Annotations } from '../../shared/oci/types'
import { readPemCertificates } from './certificates'
import { readRekorBundle } from './rekorBundle'
import { MAX_RAW_PREVIEW } from './limits'

export const COSIGN_CERTIFICATE_ANNOTATION = 'dev.sigstore.cosign/certificate'
export const COSIGN_CHAIN_ANNOTATION = 'dev.sigstore.cosign/chain'
export const COSIGN_BUNDLE_ANNOTATION = 'dev.sigstore.cosign/bundle'

/** Does the layer carry any of cosign's certificate or log annotations? */
export function hasCosignMaterial(annotations: Annotations): boolean {
  return [COSIGN_CERTIFICATE_ANNOTATION, COSIGN_CHAIN_ANNOTATION, COSIGN_BUNDLE_ANNOTATION].some(
    (name) => annotations[name] !== undefined,
  )
}

/** The material, and whether it was signed keyless (a certificate is there). */
export function readCosignMaterial(annotations: Annotations): {
  readonly material: CosignMaterial
  readonly keyless: boolean
} {
  const certificatePem = annotations[COSIGN_CERTIFICATE_ANNOTATION]
  const chainPem = annotations[COSIGN_CHAIN_ANNOTATION]
  const certificates =
    certificatePem !== undefined ? readPemCertificates(certificatePem) : undefined
  const chain = chainPem !== undefined ? readPemCertificates(chainPem) : undefined
  const certificateError =
    certificates !== undefined && 'problem' in certificates
      ? certificates.problem('certificate')
      : chain !== undefined && 'problem' in chain
        ? chain.problem('chain')
        : undefined
  const certificateRaw =
    certificates !== undefined && 'problem' in certificates
      ? certificatePem
      : chain !== undefined && 'problem' in chain
        ? chainPem
        : undefined
  const bundle = annotations[COSIGN_BUNDLE_ANNOTATION]
  const transparencyLog = bundle !== undefined ? readRekorBundle(bundle) : undefined
  return {
    keyless: certificatePem !== undefined,
    material: {
      ...(certificates !== undefined &&
      'certificates' in certificates &&
      certificates.certificates[0]
        ? { certificate: certificates.certificates[0] }
        : {}),
      chain: chain !== undefined && 'certificates' in chain ? chain.certificates : [],
      ...(certificateError !== undefined ? { certificateError } : {}),
      ...(certificateRaw !== undefined
        ? { certificateRaw: certificateRaw.slice(0, MAX_RAW_PREVIEW) }
        : {}),
      ...(transparencyLog !== undefined ? { transparencyLog } : {}),
    },
  }
}
