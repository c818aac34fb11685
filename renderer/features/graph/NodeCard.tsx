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

export function NodeCard({ placed, selected, onSelect, onFocusNode }: NodeCardProps) {
  const { node, x, y, width, height } = placed
  const badge = roleBadge(node)
  const badgeWidth = Math.min(width - 2 * PADDING, badge.length * 6.6 + 14)
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
        {truncate(node.label, 27)}
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
        {truncate(badge, 30)}
      </text>
      <text className="node-media-type" x={PADDING} y={68}>
        {truncateMediaType(node.mediaType, 38)}
      </text>
      <text className="node-digest" x={PADDING} y={86}>
        {digestLine(node)}
      </text>
      <text className="node-size" x={width - PADDING} y={86} textAnchor="end">
        {formatBytes(node.size)}
      </text>
    </g>
  )
}
