// The descriptors that point at a node, read out of its parents' documents: what a manifest
// says about a layer (media type, digest, size, annotations, urls …) or an index about a
// manifest (platform …). Pure, so it is unit-tested.
import type { GraphEdge, GraphNode } from '../../../shared/api'
import type { GraphRelations } from './graphRelations'
import { parseDocument } from './jsonLines'
import { translate } from '../../i18n/translate'

export interface ListedDescriptor {
  readonly parent: GraphNode
  readonly edge: GraphEdge
  /** The JSON path in the parent: "layers[0]", "manifests[2]", "config", "subject". */
  readonly field: string
  /** The descriptor object exactly as the parent lists it. */
  readonly descriptor: Readonly<Record<string, unknown>>
}

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function descriptorAt(
  document: unknown,
  edge: GraphEdge,
  parentKind: GraphNode['kind'],
): [string, unknown] | undefined {
  if (!isRecord(document)) return undefined
  const list = (key: string): [string, unknown] | undefined => {
    const items = document[key]
    return Array.isArray(items)
      ? [`${key}[${edge.position}]`, (items as readonly unknown[])[edge.position]]
      : undefined
  }
  switch (edge.relation) {
    case 'layer':
      // Schema 1 lists layers as fsLayers ({ blobSum }), top layer first.
      return list(parentKind === 'schema1' ? 'fsLayers' : 'layers')
    case 'manifest':
      return list('manifests')
    case 'config':
      return ['config', document['config']]
    case 'subject':
      return ['subject', document['subject']]
    case 'referrer':
      return undefined
  }
}

/** Every listing of `nodeId` in a parent document that Strata holds, in graph order. */
export function listedDescriptors(
  relations: GraphRelations,
  nodeId: string,
): readonly ListedDescriptor[] {
  const out: ListedDescriptor[] = []
  for (const edge of relations.incoming.get(nodeId) ?? []) {
    const parent = relations.byId.get(edge.from)
    if (parent?.document === undefined) continue
    const parsed = parseDocument(parent.document)
    const found = parsed ? descriptorAt(parsed.value, edge, parent.kind) : undefined
    if (!found || !isRecord(found[1])) continue
    out.push({ parent, edge, field: found[0], descriptor: found[1] })
  }
  return out
}

/** Listings that say exactly the same thing, grouped (a shared layer usually has one group). */
export function groupIdentical(
  listings: readonly ListedDescriptor[],
): readonly (readonly ListedDescriptor[])[] {
  const groups = new Map<string, ListedDescriptor[]>()
  for (const listing of listings) {
    const key = JSON.stringify(listing.descriptor)
    const group = groups.get(key)
    if (group) group.push(listing)
    else groups.set(key, [listing])
  }
  return [...groups.values()]
}

/** "the manifest", "the index": what the caption calls the document a descriptor came from. */
export function parentNoun(parent: GraphNode): string {
  if (parent.kind === 'index') return translate('image:descriptor.fromIndex')
  if (parent.kind === 'manifest' || parent.kind === 'schema1') {
    return translate('image:descriptor.fromManifest')
  }
  return translate('image:descriptor.fromParent')
}
