// Where a signature, referrer or attestation node opens in the attestations view. A referrer
// is decoded against its subject (the manifest it hangs off), so on a registry the view's
// reference is the repository at that digest; anything else keeps the image's reference (the
// main side finds a buildx attestation's image through its index entry).
import type { GraphNode } from '../../../shared/api'
import { repositoryOfSource } from '../../routing/refs'
import type { Route } from '../../routing/route'
import type { GraphRelations } from './graphRelations'

export function decodesAsAttestation(node: GraphNode): boolean {
  return node.role === 'referrer' || node.role === 'attestation'
}

/** A referrer listed for `subject` in the details panel, decoded against that subject. */
export function referrerDecodeRoute(imageRef: string, subject: string, referrer: string): Route {
  const repository = repositoryOfSource(imageRef)
  const ref =
    repository !== undefined && !repository.startsWith('oci:')
      ? `${repository}@${subject}`
      : imageRef
  return { view: 'attestations', ref, node: referrer }
}

export function attestationRoute(
  imageRef: string,
  node: GraphNode,
  relations: GraphRelations,
): Route {
  const subject = (relations.incoming.get(node.id) ?? []).find((e) => e.relation === 'referrer')
  const subjectDigest = subject ? relations.byId.get(subject.from)?.digest : undefined
  return subjectDigest !== undefined
    ? referrerDecodeRoute(imageRef, subjectDigest, node.digest)
    : { view: 'attestations', ref: imageRef, node: node.digest }
}
