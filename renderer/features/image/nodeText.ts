// The words on a graph node card and where its badges go. Pure, so they are unit-tested.
import type { GraphNode } from '../../../shared/api'
import { shortDigest } from '../../../shared/digest'
import { formatSize } from '../../i18n/format'
import { currentLanguage, translate } from '../../i18n/translate'
import { parentIds, roleBadgeText, type GraphRelations } from './graphRelations'
import { nodeLabel } from './objectWords'

export type BadgeTone = 'kind' | 'shared' | 'warn' | 'danger'

export interface CardBadge {
  readonly text: string
  readonly tone: BadgeTone
}

export interface PlacedBadge extends CardBadge {
  readonly x: number
  readonly width: number
}

/** Lazy-pull layers with a table of contents (the layer node's `layerFormat`). */
const LAYER_FORMAT_BADGES = { estargz: 'eStargz', 'zstd:chunked': 'zstd:chunked' } as const

/** Badges in the order they are drawn: role (or platform), sharing, format, problems. */
export function cardBadges(relations: GraphRelations, node: GraphNode): readonly CardBadge[] {
  const badges: CardBadge[] = [{ text: roleBadgeText(relations, node), tone: 'kind' }]
  const parents = parentIds(relations, node.id).length
  if (parents > 1)
    badges.push({ text: translate('image:badge.sharedBy', { count: parents }), tone: 'shared' })
  if (node.layerFormat) badges.push({ text: LAYER_FORMAT_BADGES[node.layerFormat], tone: 'kind' })
  if (node.unknownMediaType)
    badges.push({ text: translate('image:badge.unknownType'), tone: 'warn' })
  if (node.documentError) badges.push({ text: translate('image:badge.notLoaded'), tone: 'danger' })
  return badges
}

/** Estimated advance of one badge character (12px UI font), until the real one is measured. */
const BADGE_CHAR = 7.4
const BADGE_PADDING = 14
const BADGE_GAP = 6
const MIN_BADGE = 44

/**
 * Lays badges out left to right within `maxWidth`, from measured text widths when known.
 * Problems and sharing are never dropped: when room runs out, the role badge shrinks first
 * (its text is then cut with an ellipsis).
 */
export function placeBadges(
  badges: readonly CardBadge[],
  maxWidth: number,
  textWidths?: readonly number[],
): PlacedBadge[] {
  const widths = badges.map(
    (b, i) => Math.ceil(textWidths?.[i] ?? b.text.length * BADGE_CHAR) + BADGE_PADDING,
  )
  const total = widths.reduce((sum, w) => sum + w, 0) + BADGE_GAP * (widths.length - 1)
  const first = widths[0]
  if (first !== undefined && total > maxWidth) {
    widths[0] = Math.max(MIN_BADGE, first - (total - maxWidth))
  }
  const placed: PlacedBadge[] = []
  let x = 0
  badges.forEach((badge, i) => {
    const width = widths[i] ?? 0
    if (x + width > maxWidth && placed.length > 0) return
    placed.push({ ...badge, x, width: Math.min(width, maxWidth - x) })
    x += width + BADGE_GAP
  })
  return placed
}

/** Media types are long and share their "application/" prefix; the card leaves it out. */
export function cardMediaType(mediaType: string): string {
  return mediaType.replace(/^application\//, '')
}

export function digestLine(node: GraphNode): string {
  return shortDigest(node.digest, 12)
}

/** A size for tooltips and screen readers; schema 1 lists layers without sizes (size -1). */
export function sizeText(size: number): string {
  return size < 0 ? translate('image:card.sizeNotListed') : formatSize(size, currentLanguage())
}

/** The same, short enough for a card's corner. */
export function cardSizeText(size: number): string {
  return size < 0 ? translate('image:card.noSize') : formatSize(size, currentLanguage())
}

/** One sentence for screen readers. */
export function nodeAccessibleName(node: GraphNode, badges: readonly CardBadge[]): string {
  const words = [nodeLabel(node), ...badges.map((b) => b.text)]
  return `${words.join(', ')}, ${shortDigest(node.digest, 12)}, ${sizeText(node.size)}`
}

/** The hover tooltip: everything the card shortens, in full. */
export function nodeTooltip(node: GraphNode, badges: readonly CardBadge[]): string {
  return [
    nodeLabel(node),
    badges.map((b) => b.text).join(' · '),
    node.mediaType,
    node.digest,
    sizeText(node.size),
  ].join('\n')
}

function kindWord(kind: GraphNode['kind']): string {
  switch (kind) {
    case 'index':
      return translate('image:kind.index')
    case 'manifest':
    case 'schema1':
      return translate('image:kind.manifest')
    case 'config':
      return translate('image:kind.config')
    case 'layer':
      return translate('image:kind.layer')
    case 'artifact':
      return translate('image:kind.artifact')
    case 'container':
      return translate('image:kind.container')
  }
}

/**
 * Presentation mode's shorter line (the card's colour and the legend say the kind): the badge
 * alone ("linux/amd64", "layer 2 of 4"); an attestation is named by its role only, since its
 * platform would not fit at projector size and its edge shows which manifest it belongs to. A
 * problem shows as a warning sign before the line.
 */
function shortRole(node: GraphNode, role: string): string {
  return node.role === 'attestation' ? translate('image:role.attestation') : role
}

/**
 * The one line of a compact card: what tells this node from its neighbours (its tag, platform
 * or place: "manifest v1", "layer 2 of 4"), the kind word first when the badge lacks it. Its
 * colour says the kind too; the hover text and the details panel say the rest. `short`: the
 * presentation-mode line (shortRole).
 */
export function compactCardText(
  node: GraphNode,
  badges: readonly CardBadge[],
  short = false,
): string {
  const problem = badges.find((b) => b.tone === 'warn' || b.tone === 'danger')
  const role = badges[0]?.text
  const word = kindWord(node.kind)
  const main =
    node.role === 'root' || role === undefined
      ? nodeLabel(node)
      : short
        ? shortRole(node, role)
        : role.includes(word)
          ? role
          : translate('image:card.compact', { kind: word, role })
  if (!problem) return main
  // Presentation: a warning sign instead of the words, which the tooltip and screen readers keep.
  return short ? `⚠ ${main}` : `${main} · ${problem.text}`
}
