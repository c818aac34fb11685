import type { ObjectKind } from '../../../shared/oci/mediaTypes'

const KINDS: readonly { kind: ObjectKind; label: string }[] = [
  { kind: 'index', label: 'index' },
  { kind: 'manifest', label: 'manifest' },
  { kind: 'config', label: 'config' },
  { kind: 'layer', label: 'layer' },
  { kind: 'artifact', label: 'artifact' },
  { kind: 'schema1', label: 'schema 1' },
]

interface LegendProps {
  readonly present: ReadonlySet<ObjectKind>
  /** Some blob is listed by more than one document: explain the "shared by N" badge. */
  readonly hasShared: boolean
  /** Some node is a referrer (a signature, SBOM, attestation pointing at its subject). */
  readonly hasReferrers?: boolean
}

/** The colour of each object kind, as used on the node borders. */
export function Legend({ present, hasShared, hasReferrers = false }: LegendProps) {
  return (
    <ul className="legend" aria-label="Legend">
      {KINDS.filter((k) => present.has(k.kind) || k.kind !== 'schema1').map(({ kind, label }) => (
        <li key={kind} className={`legend-item kind-${kind}`}>
          <span className="legend-swatch" aria-hidden="true" />
          {label}
        </li>
      ))}
      {hasShared ? (
        <li
          className="legend-item"
          title="The same blob (same digest) is listed by several documents: stored and downloaded once."
        >
          <span className="legend-pill">shared by N</span>
          one blob, several parents
        </li>
      ) : null}
      {hasReferrers ? (
        <li
          className="legend-item legend-referrer"
          data-testid="legend-referrer"
          title="An artifact whose subject is this image: found through the registry's Referrers API or its sha256-<hex> fallback tag."
        >
          <span className="legend-dash" aria-hidden="true" />
          referrer (signature, SBOM, attestation)
        </li>
      ) : null}
    </ul>
  )
}
