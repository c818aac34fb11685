// The d3 timeline: x = time, one lane per tag, bars coloured by digest (the same digest the
// same colour in every lane), a marker where a tag moved. Hover tells the details; a click
// opens that digest's graph; shift-click picks two digests to compare.
import { axisTop, select } from 'd3'
import { useEffect, useMemo, useRef, useState, type MouseEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { HistoryTimeline as Timeline } from '../../../shared/api'
import { shortDigest } from '../../../shared/digest'
import { buildTimeline, type PlacedSegment } from './timelineModel'
import { useTimeText } from './useTimeText'
import { useElementWidth } from '../../components/useElementWidth'

const LAYOUT = { labelWidth: 150, laneHeight: 30, axisHeight: 28 }
const BAR_HEIGHT = 16

interface HistoryTimelineProps {
  readonly timeline: Timeline
  readonly focusTag?: string
  /** Digests picked with shift-click (at most two). */
  readonly picked: readonly string[]
  readonly onOpen: (digest: string) => void
  readonly onPick: (digest: string) => void
}

interface Hover {
  readonly segment: PlacedSegment
  readonly x: number
  readonly y: number
}

export function HistoryTimeline({
  timeline,
  focusTag,
  picked,
  onOpen,
  onPick,
}: HistoryTimelineProps) {
  const { t } = useTranslation('history')
  const times = useTimeText()
  const box = useRef<HTMLDivElement>(null)
  const axis = useRef<SVGGElement>(null)
  const width = useElementWidth(box)
  const model = useMemo(
    () => buildTimeline(timeline, { ...LAYOUT, width }, focusTag),
    [timeline, width, focusTag],
  )
  const [hover, setHover] = useState<Hover | undefined>(undefined)

  useEffect(() => {
    if (!axis.current) return
    const ticks = Math.max(2, Math.floor((width - LAYOUT.labelWidth) / 130))
    const [start, end] = model.scale.domain()
    const span = (end?.getTime() ?? 0) - (start?.getTime() ?? 0)
    // The moves list's clock: UTC, 24-hour (d3's default is local time, 12-hour).
    select(axis.current).call(
      axisTop(model.scale)
        .ticks(ticks)
        .tickFormat((value) => times.tick(value instanceof Date ? value : new Date(+value), span)),
    )
  }, [model, width, times])

  const laneY = (lane: number): number => LAYOUT.axisHeight + lane * LAYOUT.laneHeight
  const onSegment = (event: MouseEvent, segment: PlacedSegment): void => {
    if (event.shiftKey) onPick(segment.digest)
    else onOpen(segment.digest)
  }

  return (
    <div className="history-timeline" ref={box}>
      <svg
        width={width}
        height={model.height}
        role="img"
        aria-label={t('timeline.label', { count: model.lanes.length })}
      >
        <text
          className="timeline-axis-caption"
          data-testid="history-axis-clock"
          x={8}
          y={LAYOUT.axisHeight - 10}
        >
          {t('timeline.clock')}
        </text>
        <g
          ref={axis}
          className="timeline-axis"
          data-testid="history-axis"
          transform={`translate(0,${LAYOUT.axisHeight - 4})`}
        />
        {model.lanes.map((tag, lane) => (
          <g
            key={tag}
            className={tag === focusTag ? 'timeline-lane focused' : 'timeline-lane'}
            data-testid="history-lane"
            data-tag={tag}
            transform={`translate(0,${laneY(lane)})`}
          >
            <rect className="lane-band" x={0} y={0} width={width} height={LAYOUT.laneHeight} />
            <text className="lane-label" x={8} y={LAYOUT.laneHeight / 2 + 4}>
              {tag.length > 20 ? `${tag.slice(0, 19)}…` : tag}
              <title>{tag}</title>
            </text>
          </g>
        ))}
        {model.segments.map((segment) => (
          <rect
            key={`${segment.tag}:${segment.digest}:${segment.from}`}
            className={`timeline-segment digest-colour-${segment.colour}${
              picked.includes(segment.digest) ? ' picked' : ''
            }`}
            data-testid="history-segment"
            data-digest={segment.digest}
            data-tag={segment.tag}
            x={segment.x}
            y={laneY(segment.lane) + (LAYOUT.laneHeight - BAR_HEIGHT) / 2}
            width={segment.width}
            height={BAR_HEIGHT}
            rx={3}
            tabIndex={0}
            role="button"
            aria-label={t('timeline.segment', {
              tag: segment.tag,
              digest: shortDigest(segment.digest, 12),
              from: times.instant(segment.from),
              to: times.instant(segment.to),
            })}
            onMouseEnter={(event) =>
              setHover({ segment, x: event.nativeEvent.offsetX, y: event.nativeEvent.offsetY })
            }
            onMouseLeave={() => setHover(undefined)}
            onClick={(event) => onSegment(event, segment)}
            onKeyDown={(event) => {
              if (event.key === 'Enter' || event.key === ' ') {
                event.preventDefault()
                if (event.shiftKey) onPick(segment.digest)
                else onOpen(segment.digest)
              }
            }}
          />
        ))}
        {model.moves.map((move) => {
          // Above the bars, pointing down at the moment: the new digest's bar, however short,
          // stays in sight right after a move.
          const barTop = laneY(move.lane) + (LAYOUT.laneHeight - BAR_HEIGHT) / 2
          const y = barTop - 2
          return (
            <g
              key={`${move.tag}:${move.at}`}
              className="timeline-move"
              data-testid="history-move-marker"
            >
              <line x1={move.xBefore} x2={move.x} y1={y} y2={y} className="move-window" />
              <path d={`M${move.x - 4},${y - 5} h8 l-4,5 z`} className="move-marker">
                <title>
                  {t('timeline.moved', {
                    tag: move.tag,
                    from: shortDigest(move.fromDigest, 12),
                    to: shortDigest(move.toDigest, 12),
                    when: times.between(move.lastSeenBefore, move.at),
                  })}
                </title>
              </path>
            </g>
          )
        })}
      </svg>
      {hover ? <SegmentTooltip hover={hover} width={width} /> : null}
    </div>
  )
}

function SegmentTooltip({ hover, width }: { readonly hover: Hover; readonly width: number }) {
  const { t } = useTranslation('history')
  const times = useTimeText()
  const { segment } = hover
  const left = Math.min(hover.x + 12, Math.max(0, width - 300))
  return (
    <div
      className="timeline-tooltip"
      data-testid="history-tooltip"
      style={{ left, top: hover.y + 14 }}
    >
      <div className="mono">{segment.tag}</div>
      <div className="mono break-all">{segment.digest}</div>
      <div>
        {times.pair(segment.from, segment.to).join(' → ')} ({times.span(segment.from, segment.to)})
      </div>
      <div>{t('timeline.observations', { count: segment.observations })}</div>
      <div className="muted">{t('timeline.hint')}</div>
    </div>
  )
}
