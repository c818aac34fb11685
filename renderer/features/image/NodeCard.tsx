// One node of the image graph: a card in the colour of its kind. Big: the plain-language label.
// Then badges (platform or role, "shared by N", problems), the media type in small type, the
// short digest and the size. Font sizes live in graph.css; the smallest is
// SMALLEST_CARD_FONT_PX (viewFit.ts), which the fitting keeps readable. A compact card (for
// graphs too big to fit full cards readably) is one line: see compactCardText.
import { memo, type KeyboardEvent } from 'react'
import type { GraphNode } from '../../../shared/api'
import { BadgeRow } from './BadgeRow'
import { FittedText } from './FittedText'
import type { PlacedNode } from './layout'
import { nodeLabel } from './objectWords'
import {
  cardMediaType,
  compactCardText,
  digestLine,
  nodeAccessibleName,
  nodeTooltip,
  cardSizeText,
  type CardBadge,
} from './nodeText'

/** How a card relates to the node under the pointer, keyboard focus or selection. */
export type Emphasis = 'active' | 'neighbour' | 'dimmed' | 'none'

interface NodeCardProps {
  readonly placed: PlacedNode
  readonly badges: readonly CardBadge[]
  readonly compact: boolean
  /** Presentation mode: the compact line's shorter form (compactCardText). */
  readonly short: boolean
  readonly selected: boolean
  readonly emphasis: Emphasis
  readonly onSelect: (node: GraphNode) => void
  /** `byKeyboard`: focus arrived by Tab (it shows a focus ring), not by a click. */
  readonly onFocusNode: (placed: PlacedNode, byKeyboard: boolean) => void
  readonly onHover: (id: string | undefined) => void
}

const PAD_LEFT = 15
const PAD_RIGHT = 12

export const NodeCard = memo(function NodeCard({
  placed,
  badges,
  compact,
  short,
  selected,
  emphasis,
  onSelect,
  onFocusNode,
  onHover,
}: NodeCardProps) {
  const { node, x, y, width, height } = placed
  const problem = node.documentError ? 'error' : node.unknownMediaType ? 'warning' : undefined
  const onKeyDown = (event: KeyboardEvent<SVGGElement>): void => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault()
      onSelect(node)
    }
  }
  const classes = ['graph-node', `kind-${node.kind}`, `emphasis-${emphasis}`]
  if (compact) classes.push('compact')
  if (selected) classes.push('selected')
  if (problem) classes.push(`has-${problem}`)
  return (
    <g
      className={classes.join(' ')}
      transform={`translate(${x},${y})`}
      tabIndex={0}
      role="button"
      aria-label={nodeAccessibleName(node, badges)}
      aria-pressed={selected}
      data-testid="graph-node"
      data-digest={node.digest}
      data-kind={node.kind}
      data-role={node.role}
      onClick={() => onSelect(node)}
      onKeyDown={onKeyDown}
      onFocus={(event) => onFocusNode(placed, event.currentTarget.matches(':focus-visible'))}
      onMouseEnter={() => onHover(node.id)}
      onMouseLeave={() => onHover(undefined)}
    >
      <title>{nodeTooltip(node, badges)}</title>
      <rect className="node-card" width={width} height={height} rx={10} ry={10} />
      <path
        className="node-stripe"
        d={`M 10 0 H 5 Q 0 0 0 5 V ${height - 5} Q 0 ${height} 5 ${height} H 10 Z`}
      />
      {compact ? (
        <CompactBody placed={placed} badges={badges} short={short} />
      ) : (
        <FullBody placed={placed} badges={badges} problem={problem} />
      )}
    </g>
  )
})

interface BodyProps {
  readonly placed: PlacedNode
  readonly badges: readonly CardBadge[]
}

function CompactBody({ placed, badges, short }: BodyProps & { readonly short: boolean }) {
  const inner = placed.width - PAD_LEFT - PAD_RIGHT
  return (
    <FittedText
      className="node-label"
      x={PAD_LEFT}
      y={placed.height / 2 + 5}
      text={compactCardText(placed.node, badges, short)}
      maxWidth={inner}
    />
  )
}

function FullBody({
  placed,
  badges,
  problem,
}: BodyProps & { readonly problem: 'error' | 'warning' | undefined }) {
  const { node, width } = placed
  const inner = width - PAD_LEFT - PAD_RIGHT
  const size = cardSizeText(node.size)
  return (
    <>
      <FittedText
        className="node-label"
        x={PAD_LEFT}
        y={24}
        text={nodeLabel(node)}
        maxWidth={problem ? inner - 18 : inner}
      />
      {problem ? (
        <g
          className={`node-alert alert-${problem}`}
          transform={`translate(${width - PAD_RIGHT - 8}, 18)`}
        >
          <circle r={8} />
          <text textAnchor="middle" y={4.5}>
            !
          </text>
        </g>
      ) : null}
      <BadgeRow badges={badges} x={PAD_LEFT} y={32} maxWidth={inner} />
      <FittedText
        className="node-media-type"
        x={PAD_LEFT}
        y={68}
        text={cardMediaType(node.mediaType)}
        maxWidth={inner}
        cut="start"
      />
      <text className="node-digest" x={PAD_LEFT} y={86}>
        {digestLine(node)}
      </text>
      <text className="node-size" x={width - PAD_RIGHT} y={86} textAnchor="end">
        {size}
      </text>
    </>
  )
}
