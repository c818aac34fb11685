// The sharing matrix: images × images, each cell the bytes two images share on one colour
// scale (the diagonal, each image's own bytes, on the same scale and outlined). A table in its
// own scroll area with sticky row and column labels, so every cell can be reached at any
// window size; hover or the cell's title tells layers and bytes.
import { useMemo, useState, type CSSProperties } from 'react'
import { useTranslation } from 'react-i18next'
import type { SharingReport } from '../../../shared/api/sharing'
import { useFormat } from '../../i18n/useFormat'
import {
  cellColour,
  cellSentence,
  matrixCellSize,
  maxSharedBytes,
  needsLightText,
  shortLabel,
} from './sharingModel'
import { PictureExport, sharingPicture } from '../../components/ExportMenu'

interface HoverCell {
  readonly i: number
  readonly j: number
}

export function SharingMatrix({ report }: { readonly report: SharingReport }) {
  const { t } = useTranslation('sharing')
  const format = useFormat()
  const words = { t, format }
  const [hover, setHover] = useState<HoverCell | undefined>(undefined)
  const n = report.images.length
  const cell = matrixCellSize(n)
  const max = useMemo(() => maxSharedBytes(report), [report])
  const showText = cell >= 48
  const style = { '--matrix-cell': `${cell}px` } as CSSProperties
  return (
    <section className="sharing-matrix-section">
      <PictureExport
        what="sharing"
        testId="export-sharing"
        makePicture={() =>
          sharingPicture(report, {
            fill: (bytes) => cellColour(bytes, max),
            light: (bytes) => needsLightText(bytes, max),
            size: format.size,
          })
        }
      />
      <div
        className="sharing-matrix-box"
        data-testid="sharing-matrix-box"
        role="region"
        aria-label={t('matrix.label', { count: n })}
        // Scrollable region: reachable by keyboard, so its cells can be scrolled to.
        tabIndex={0}
        onMouseLeave={() => setHover(undefined)}
      >
        <table className="sharing-matrix" data-testid="sharing-matrix" style={style}>
          <thead>
            <tr>
              <th scope="col" className="matrix-corner">
                {t('matrix.corner')}
              </th>
              {report.images.map((image, j) => (
                <th
                  key={`col-${j}`}
                  scope="col"
                  className="matrix-col-label"
                  title={image.label}
                  data-testid="sharing-col-label"
                >
                  {j + 1}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {report.images.map((image, i) => (
              <tr key={`row-${i}`}>
                <th
                  scope="row"
                  className="matrix-row-label"
                  title={image.label}
                  data-testid="sharing-row-label"
                >
                  {`${i + 1}. ${shortLabel(image.label)}`}
                </th>
                {(report.matrix[i] ?? []).map((shared, j) => (
                  <td
                    key={`cell-${i}-${j}`}
                    className={[
                      'matrix-cell',
                      i === j ? 'diagonal' : '',
                      needsLightText(shared.bytes, max) ? 'strong' : '',
                    ].join(' ')}
                    data-testid="sharing-cell"
                    data-i={i}
                    data-j={j}
                    data-bytes={shared.bytes}
                    data-digest={report.images[j]?.digest}
                    data-row-digest={report.images[i]?.digest}
                    style={{ backgroundColor: cellColour(shared.bytes, max) }}
                    title={cellSentence(report, i, j, words)}
                    onMouseEnter={() => setHover({ i, j })}
                  >
                    {showText && shared.bytes > 0 ? format.size(shared.bytes) : null}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="hint matrix-hover" data-testid="sharing-hover" role="status">
        {hover ? cellSentence(report, hover.i, hover.j, words) : t('matrix.hint')}
      </p>
    </section>
  )
}
