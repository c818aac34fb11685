// For objects that are not JSON documents (layers, blobs): the descriptor the parent lists for
// them, as JSON. A shared layer's listings are usually identical; when they differ, one
// button per version picks which to show.
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { GraphNode } from '../../../shared/api'
import { translate } from '../../i18n/translate'
import { roleBadgeText, roleWord, type GraphRelations } from './graphRelations'
import { groupIdentical, listedDescriptors, parentNoun, type ListedDescriptor } from './descriptors'
import { JsonView } from './JsonView'
import { nodeLabel } from './objectWords'

interface DescriptorSectionProps {
  readonly node: GraphNode
  readonly relations: GraphRelations
  readonly isInGraph: (digest: string) => boolean
  readonly onDigest: (digest: string, mediaType: string | undefined) => void
}

/** "OCI image manifest (linux/amd64)": a parent named so a reader can find it in the graph. */
export function parentName(relations: GraphRelations, parent: GraphNode): string {
  const badge = roleBadgeText(relations, parent)
  const label = nodeLabel(parent)
  return badge === roleWord(parent.role)
    ? label
    : translate('image:descriptor.parentName', { label, badge })
}

/** "linux/amd64" for platform manifests (what tells them apart), else the label. */
export function parentShortName(relations: GraphRelations, parent: GraphNode): string {
  return parent.role === 'platform' || parent.role === 'attestation'
    ? roleBadgeText(relations, parent)
    : nodeLabel(parent)
}

function where(relations: GraphRelations, group: readonly ListedDescriptor[]): string {
  const first = group[0]
  if (!first) return ''
  const words = { field: first.field, parent: parentShortName(relations, first.parent) }
  if (group.length === 1) return translate('image:descriptor.asListed', words)
  return translate('image:descriptor.asListedMore', { ...words, count: group.length - 1 })
}

function descriptorHint(layer: boolean, schema1: boolean): string {
  if (layer) {
    return translate(schema1 ? 'image:descriptor.layerHintSchema1' : 'image:descriptor.layerHint')
  }
  return translate(schema1 ? 'image:descriptor.blobHintSchema1' : 'image:descriptor.blobHint')
}

export function DescriptorSection({
  node,
  relations,
  isInGraph,
  onDigest,
}: DescriptorSectionProps) {
  const { t } = useTranslation('image')
  const groups = groupIdentical(listedDescriptors(relations, node.id))
  const [choice, setChoice] = useState(0)
  const group = groups[Math.min(choice, groups.length - 1)]
  const first = group?.[0]
  if (!group || !first) {
    return <p className="hint">{t('descriptor.none')}</p>
  }
  return (
    <section className="details-section">
      <h3>{t('descriptor.title', { parent: parentNoun(first.parent) })}</h3>
      <p className="hint">
        {descriptorHint(node.kind === 'layer', first.parent.kind === 'schema1')}
      </p>
      {groups.length > 1 ? (
        <div className="segmented" role="group" aria-label={t('descriptor.listedDifferently')}>
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
