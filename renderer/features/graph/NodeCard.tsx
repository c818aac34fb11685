// One node of the image graph: a rounded card in the colour of its kind with the plain-language
// label, a role badge, the media type, the short digest and the size.
import type { KeyboardEvent } from 'react'
import type { GraphNode } from '../../../shared/api'
import { formatBytes } from '../../../shared/format'
import type { PlacedNode } from './layout'
import { digestLine, nodeAccessibleName, roleBadge, truncate, truncateMediaType } from './nodeText'

interface NodeCardProps {
  readonly placed: PlacedNode
  readonly selected: boolean
  readonly onSelect: (node: GraphNode) => void
  readonly onFocusNode: (placed: PlacedNode) => void
}

const PADDING = 16
// Approximate advance widths (px) of the card fonts, for cutting text that would overflow.
const LABEL_CHAR = 8.2
const BADGE_CHAR = 6.6
const MONO_SMALL_CHAR = 6.7
const SIZE_CHAR = 7

export function NodeCard({ placed, selected, onSelect, onFocusNode }: NodeCardProps) {
  const { node, x, y, width, height } = placed
  const badge = roleBadge(node)
  const inner = width - 2 * PADDING
  const size = formatBytes(node.size)
  // The badge shares its row with the size, right-aligned.
  const badgeRoom = inner - size.length * SIZE_CHAR - 8
  const badgeText = truncate(badge, Math.floor((badgeRoom - 14) / BADGE_CHAR))
  const badgeWidth = Math.min(inner, badgeText.length * BADGE_CHAR + 14)
  const onKeyDown = (event: KeyboardEvent<SVGGElement>): void => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault()
      onSelect(node)
    }
  }
  const classes = ['graph-node', `kind-${node.kind}`]
  if (selected) classes.push('selected')
  if (node.documentError) classes.push('has-error')
  if (node.unknownMediaType) classes.push('unknown-type')
  return (
    <g
      className={classes.join(' ')}
      transform={`translate(${x},${y})`}
      tabIndex={0}
      role="button"
      aria-label={nodeAccessibleName(node)}
      aria-pressed={selected}
      data-testid="graph-node"
      data-digest={node.digest}
      data-kind={node.kind}
      data-role={node.role}
      onClick={() => onSelect(node)}
      onKeyDown={onKeyDown}
      onFocus={() => onFocusNode(placed)}
    >
      <title>{`${node.label}\n${node.mediaType}\n${node.digest}\n${formatBytes(node.size)}`}</title>
      <rect className="node-card" width={width} height={height} rx={10} ry={10} />
      <rect className="node-stripe" x={0} y={0} width={6} height={height} rx={3} ry={3} />
      <text className="node-label" x={PADDING} y={24}>
        {truncate(node.label, Math.floor((inner - 12) / LABEL_CHAR))}
      </text>
      {node.documentError || node.unknownMediaType ? (
        <text className="node-alert" x={width - PADDING} y={24} textAnchor="end">
          !
        </text>
      ) : null}
      <rect
        className="node-badge-bg"
        x={PADDING}
        y={33}
        width={badgeWidth}
        height={18}
        rx={9}
        ry={9}
      />
      <text className="node-badge" x={PADDING + 7} y={46}>
        {badgeText}
      </text>
      <text className="node-media-type" x={PADDING} y={68}>
        {truncateMediaType(node.mediaType, Math.floor(inner / MONO_SMALL_CHAR))}
      </text>
      <text className="node-digest" x={PADDING} y={86}>
        {digestLine(node)}
      </text>
      <text className="node-size" x={width - PADDING} y={46} textAnchor="end">
        {size}
      </text>
    </g>
  )
}
