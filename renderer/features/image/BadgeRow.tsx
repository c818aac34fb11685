// The pills on a node card. Laid out with estimated text widths first, then with the widths
// the real font has (measured before paint), so pills neither clip nor gape.
import { useLayoutEffect, useRef, useState } from 'react'
import { FittedText } from './FittedText'
import { placeBadges, type CardBadge } from './nodeText'

interface BadgeRowProps {
  readonly badges: readonly CardBadge[]
  readonly x: number
  readonly y: number
  readonly maxWidth: number
}

const HEIGHT = 19
const TEXT_INSET = 7

export function BadgeRow({ badges, x, y, maxWidth }: BadgeRowProps) {
  const row = useRef<SVGGElement>(null)
  const key = badges.map((b) => b.text).join('|')
  const [measured, setMeasured] = useState<{ readonly key: string; readonly widths: number[] }>()
  const widths = measured?.key === key ? measured.widths : undefined

  useLayoutEffect(() => {
    const element = row.current
    if (!element || measured?.key === key) return
    const probes = [...element.querySelectorAll<SVGTextElement>('text.badge-probe')]
    try {
      setMeasured({ key, widths: probes.map((p) => p.getComputedTextLength()) })
    } catch {
      setMeasured({ key, widths: [] })
    }
  }, [key, measured])

  const placed = placeBadges(badges, maxWidth, widths)
  return (
    <g ref={row} transform={`translate(${x}, ${y})`}>
      {widths === undefined
        ? badges.map((badge) => (
            <text key={badge.text} className="node-badge badge-probe" visibility="hidden">
              {badge.text}
            </text>
          ))
        : null}
      {placed.map((badge) => (
        <g
          key={badge.text}
          className={`node-badge tone-${badge.tone}`}
          transform={`translate(${badge.x}, 0)`}
        >
          <rect width={badge.width} height={HEIGHT} rx={HEIGHT / 2} ry={HEIGHT / 2} />
          <FittedText
            x={TEXT_INSET}
            y={14}
            text={badge.text}
            maxWidth={badge.width - 2 * TEXT_INSET + 1}
          />
        </g>
      ))}
    </g>
  )
}
