// The d3 sharing matrix: images × images, each cell the bytes two images share (colour scale),
// the diagonal each image's own bytes. Hover tells layers and bytes.
import { useMemo, useRef, useState } from 'react'
import { formatBytes } from '../../../shared/format'
import type { SharingReport } from '../../../shared/api/sharing'
import { useElementWidth } from '../../components/useElementWidth'
import { cellColour, maxSharedBytes, sharedFraction, shortLabel } from './sharingModel'

const LABEL_WIDTH = 270
const HEADER_HEIGHT = 30
const MAX_CELL = 64
const MIN_CELL = 14

interface HoverCell {
  readonly i: number
  readonly j: number
}

export function SharingMatrix({ report }: { readonly report: SharingReport }) {
  const box = useRef<HTMLDivElement>(null)
  const width = useElementWidth(box)
  const [hover, setHover] = useState<HoverCell | undefined>(undefined)
  const n = report.images.length
  const cell = Math.max(
    MIN_CELL,
    Math.min(MAX_CELL, Math.floor((width - LABEL_WIDTH) / Math.max(1, n))),
  )
  const max = useMemo(() => maxSharedBytes(report), [report])
  const showText = cell >= 48
  const size = LABEL_WIDTH + n * cell
  return (
    <div className="sharing-matrix-box" ref={box}>
      <svg
        data-testid="sharing-matrix"
        width={size}
        height={HEADER_HEIGHT + n * cell}
        role="img"
        aria-label={`Layer sharing between ${n} images`}
        onMouseLeave={() => setHover(undefined)}
      >
        {report.images.map((image, j) => (
          <text
            key={`col-${j}`}
            className="matrix-col-label"
            x={LABEL_WIDTH + j * cell + cell / 2}
            y={HEADER_HEIGHT - 8}
            textAnchor="middle"
          >
            {j + 1}
            <title>{image.label}</title>
          </text>
        ))}
        {report.images.map((image, i) => (
          <g key={`row-${i}`} transform={`translate(0,${HEADER_HEIGHT + i * cell})`}>
            <text
              className="matrix-row-label"
              x={LABEL_WIDTH - 8}
              y={cell / 2 + 4}
              textAnchor="end"
            >
              {`${i + 1}. ${shortLabel(image.label)}`}
              <title>{image.label}</title>
            </text>
            {(report.matrix[i] ?? []).map((shared, j) => {
              const diagonal = i === j
              return (
                <g key={`cell-${i}-${j}`} transform={`translate(${LABEL_WIDTH + j * cell},0)`}>
                  <rect
                    className={diagonal ? 'matrix-cell diagonal' : 'matrix-cell'}
                    data-testid="sharing-cell"
                    data-i={i}
                    data-j={j}
                    data-bytes={shared.bytes}
                    width={cell - 2}
                    height={cell - 2}
                    style={diagonal ? undefined : { fill: cellColour(shared.bytes, max) }}
                    onMouseEnter={() => setHover({ i, j })}
                  />
                  {showText && shared.bytes > 0 ? (
                    <text
                      className={
                        !diagonal && shared.bytes > max * 0.6 ? 'matrix-text strong' : 'matrix-text'
                      }
                      x={(cell - 2) / 2}
                      y={(cell - 2) / 2 + 4}
                      textAnchor="middle"
                    >
                      {formatBytes(shared.bytes)}
                    </text>
                  ) : null}
                </g>
              )
            })}
          </g>
        ))}
      </svg>
      <MatrixHover report={report} hover={hover} />
    </div>
  )
}

function MatrixHover({
  report,
  hover,
}: {
  readonly report: SharingReport
  readonly hover: HoverCell | undefined
}) {
  if (!hover) {
    return <p className="hint matrix-hover">Hover a cell to see what two images share.</p>
  }
  const { i, j } = hover
  const a = report.images[i]
  const b = report.images[j]
  const shared = report.matrix[i]?.[j]
  if (!a || !b || !shared) return null
  const text =
    i === j
      ? `${a.label}: ${shared.layers} distinct layer${shared.layers === 1 ? '' : 's'}, ${formatBytes(
          shared.bytes,
        )}; ${formatBytes(a.exclusiveBytes)} of it used by no other image here.`
      : `${a.label} and ${b.label} share ${shared.layers} layer${
          shared.layers === 1 ? '' : 's'
        }, ${formatBytes(shared.bytes)} (${Math.round(sharedFraction(report, i, j) * 100)}% of ${
          a.label
        }).`
  return (
    <p className="matrix-hover" data-testid="sharing-hover" role="status">
      {text}
    </p>
  )
}
