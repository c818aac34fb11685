// For objects that are not JSON documents (layers, blobs): the descriptor the parent lists for
// them, as JSON. A shared layer's listings are usually identical; when they differ, one
// button per version picks which to show.
import { useState } from 'react'
import type { GraphNode } from '../../../shared/api'
import { roleBadgeText, type GraphRelations } from './graphRelations'
import { groupIdentical, listedDescriptors, parentNoun, type ListedDescriptor } from './descriptors'
import { JsonView } from './JsonView'

interface DescriptorSectionProps {
  readonly node: GraphNode
  readonly relations: GraphRelations
  readonly isInGraph: (digest: string) => boolean
  readonly onDigest: (digest: string, mediaType: string | undefined) => void
}

/** "OCI image manifest (linux/amd64)": a parent named so a reader can find it in the graph. */
export function parentName(relations: GraphRelations, parent: GraphNode): string {
  const badge = roleBadgeText(relations, parent)
  return badge === parent.role ? parent.label : `${parent.label} (${badge})`
}

/** "linux/amd64" for platform manifests (what tells them apart), else the label. */
export function parentShortName(relations: GraphRelations, parent: GraphNode): string {
  return parent.role === 'platform' || parent.role === 'attestation'
    ? roleBadgeText(relations, parent)
    : parent.label
}

function where(relations: GraphRelations, group: readonly ListedDescriptor[]): string {
  const first = group[0]
  if (!first) return ''
  const named = `${first.field} of ${parentShortName(relations, first.parent)}`
  if (group.length === 1) return `as listed in ${named}`
  return `as listed in ${named} and, identically, ${group.length - 1} more`
}

export function DescriptorSection({
  node,
  relations,
  isInGraph,
  onDigest,
}: DescriptorSectionProps) {
  const groups = groupIdentical(listedDescriptors(relations, node.id))
  const [choice, setChoice] = useState(0)
  const group = groups[Math.min(choice, groups.length - 1)]
  const first = group?.[0]
  if (!group || !first) {
    return (
      <p className="hint">
        No document Strata read lists this object, so there is no descriptor to show.
      </p>
    )
  }
  return (
    <section className="details-section">
      <h3>descriptor (from {parentNoun(first.parent)})</h3>
      <p className="hint">
        A {node.kind === 'layer' ? 'layer is a tar archive,' : 'blob is'} not a JSON document: this
        is what its parent lists for it, with{' '}
        {first.parent.kind === 'schema1'
          ? 'the digest it is verified by (schema 1 lists no sizes).'
          : 'the digest and size it is verified by.'}
      </p>
      {groups.length > 1 ? (
        <div className="segmented" role="group" aria-label="Listed differently by">
          {groups.map((g, i) => (
            <button
              key={g[0]?.parent.id ?? i}
              type="button"
              className="segment"
              aria-pressed={i === choice}
              onClick={() => setChoice(i)}
            >
              {g.map((l) => roleBadgeText(relations, l.parent)).join(', ')}
            </button>
          ))}
        </div>
      ) : null}
      <JsonView
        text={JSON.stringify(first.descriptor, null, 2)}
        note={where(relations, group)}
        isInGraph={isInGraph}
        onDigest={onDigest}
      />
    </section>
  )
}
