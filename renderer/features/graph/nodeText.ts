// The words on a graph node card. Pure, so they are unit-tested.
import type { GraphNode } from '../../../shared/api'
import { shortDigest } from '../../../shared/digest'
import { formatBytes, platformString } from '../../../shared/format'

/** The small badge: the platform for platform manifests, otherwise the node's role. */
export function roleBadge(node: GraphNode): string {
  switch (node.role) {
    case 'platform':
      return node.platform ? platformString(node.platform) : 'platform'
    case 'nested-index':
      return 'nested index'
    case 'root':
      return node.platform ? `root · ${platformString(node.platform)}` : 'root'
    default:
      return node.role
  }
}

/** Cuts text to at most `max` characters with an ellipsis (SVG text cannot ellipsize). */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text
  return `${text.slice(0, Math.max(0, max - 1))}…`
}

/** Media types are long and share prefixes; keep the distinctive tail. */
export function truncateMediaType(mediaType: string, max: number): string {
  if (mediaType.length <= max) return mediaType
  return `…${mediaType.slice(mediaType.length - (max - 1))}`
}

export function digestLine(node: GraphNode): string {
  return shortDigest(node.digest, 12)
}

/** One sentence for screen readers and the hover tooltip. */
export function nodeAccessibleName(node: GraphNode): string {
  return `${node.label}, ${roleBadge(node)}, ${shortDigest(node.digest, 12)}, ${formatBytes(node.size)}`
}
