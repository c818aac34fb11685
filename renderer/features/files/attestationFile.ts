// Files that look like SBOMs or attestations (/usr/share/sbom/*.spdx.json, *.cdx.json,
// *.intoto.jsonl, provenance.json …) get an "Open as SBOM / attestation" action that opens
// the attestations view on the same file.
import type { Route } from '../../routing/route'
import type { FileTarget } from './fileTarget'

const JSON_NAME = /\.(json|jsonl)$/i
const ATTESTATION_WORDS = /sbom|spdx|cdx|cyclonedx|bom|in-?toto|provenance|attest|dsse|slsa|sig/i

export function looksLikeAttestationFile(path: string): boolean {
  const name = path.split('/').pop() ?? path
  return JSON_NAME.test(name) && ATTESTATION_WORDS.test(path)
}

export function attestationFileRoute(target: FileTarget): Route {
  return {
    view: 'attestations',
    ref: target.ref,
    path: `/${target.path}`,
    ...(target.layer !== undefined ? { layer: target.layer } : {}),
    ...(target.platform !== undefined ? { platform: target.platform } : {}),
  }
}
