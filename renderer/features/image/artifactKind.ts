// A word for what an artifact is, from its artifactType (or config media type): signatures,
// SBOMs, attestations get their names; anything else its type's own name. Pure (unit-tested).
// artifactKind gives the English word (compare matches on it); artifactKindText shows it.
import { translate } from '../../i18n/translate'

const KNOWN: readonly { pattern: RegExp; word: string }[] = [
  { pattern: /cosign|notary|signature|\.sig\b|sigstore/i, word: 'signature' },
  { pattern: /spdx|cyclonedx|sbom|syft/i, word: 'SBOM' },
  { pattern: /in-toto|intoto|dsse|attestation|provenance|slsa|vex/i, word: 'attestation' },
  { pattern: /helm/i, word: 'Helm chart' },
  { pattern: /wasm/i, word: 'Wasm module' },
]

export function artifactKind(artifactType: string | undefined): string {
  if (!artifactType) return 'artifact'
  for (const { pattern, word } of KNOWN) if (pattern.test(artifactType)) return word
  // "application/vnd.example.review.v1+json" → "example.review.v1"
  const name = artifactType
    .replace(/^[^/]*\//, '')
    .replace(/\+[\w.-]+$/, '')
    .replace(/^vnd\./, '')
  return name || artifactType
}

/** The same word in the chosen language (a type's own name stays as it is). */
export function artifactKindText(artifactType: string | undefined): string {
  const word = artifactKind(artifactType)
  switch (word) {
    case 'signature':
      return translate('image:artifact.signature')
    case 'SBOM':
      return translate('image:artifact.sbom')
    case 'attestation':
      return translate('image:artifact.attestation')
    case 'Helm chart':
      return translate('image:artifact.helmChart')
    case 'Wasm module':
      return translate('image:artifact.wasmModule')
    case 'artifact':
      return translate('image:artifact.artifact')
    default:
      return word
  }
}
