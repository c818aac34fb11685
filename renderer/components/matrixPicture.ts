// A matrix view (the sharing matrix is an HTML table) drawn as SVG from its data rather than
// screenshotted: row and column labels, one square per cell in the view's colour scale, the
// cell's text where it fits, a legend line under it.
import type { SharingReport } from '../../shared/api'
import { translate } from '../i18n/translate'
import type { PictureSvg } from './pictureExport'
import { standalonePicture, themeText } from './pictureExport'

const SVG_NS = 'http://www.w3.org/2000/svg'
const CELL = 56
const LABEL_WIDTH = 260
const HEADER = 28

export interface MatrixCellPicture {
  /** Background in the view's colour scale ("rgb(…)", "#…"). */
  readonly fill: string
  readonly text: string
  /** Light text on a dark cell. */
  readonly light: boolean
}

export interface MatrixPictureData {
  readonly title: string
  readonly rowLabels: readonly string[]
  /** Short column labels ("1", "2"…): the rows' numbers. */
  readonly columnLabels: readonly string[]
  readonly cells: readonly (readonly MatrixCellPicture[])[]
  /** A line under the matrix that says what the colours mean. */
  readonly legend: string
}

function element(
  name: string,
  attributes: Record<string, string | number>,
  text?: string,
): Element {
  const node = document.createElementNS(SVG_NS, name)
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, String(value))
  if (text !== undefined) node.textContent = text
  return node
}

export function matrixPicture(data: MatrixPictureData): PictureSvg {
  const ink = themeText()
  const group = document.createElementNS(SVG_NS, 'g')
  const font = { 'font-family': 'sans-serif', 'font-size': 12, fill: ink }
  data.columnLabels.forEach((label, j) => {
    const x = LABEL_WIDTH + j * CELL + CELL / 2
    group.append(element('text', { ...font, x, y: HEADER - 8, 'text-anchor': 'middle' }, label))
  })
  data.rowLabels.forEach((label, i) => {
    const y = HEADER + i * CELL
    const shown = label.length > 36 ? `${label.slice(0, 35)}…` : label
    group.append(
      element(
        'text',
        { ...font, x: LABEL_WIDTH - 8, y: y + CELL / 2 + 4, 'text-anchor': 'end' },
        shown,
      ),
    )
    ;(data.cells[i] ?? []).forEach((cell, j) => {
      const x = LABEL_WIDTH + j * CELL
      const square = element('rect', { x, y, width: CELL - 2, height: CELL - 2, fill: cell.fill })
      square.setAttribute('data-cell', `${i},${j}`)
      group.append(square)
      if (cell.text !== '') {
        const colour = cell.light ? '#ffffff' : '#111111'
        group.append(
          element(
            'text',
            {
              ...font,
              'font-size': 10,
              fill: colour,
              x: x + CELL / 2 - 1,
              y: y + CELL / 2 + 3,
              'text-anchor': 'middle',
            },
            cell.text,
          ),
        )
      }
    })
  })
  const height = HEADER + data.rowLabels.length * CELL
  group.append(element('text', { ...font, x: 0, y: height + 20 }, data.legend))
  const width = LABEL_WIDTH + Math.max(1, data.columnLabels.length) * CELL
  return standalonePicture(group, { x: 0, y: 0, width, height: height + 28 }, data.title)
}

/** How the sharing view colours and words a cell, so the picture matches what is on screen. */
export interface SharingCellStyle {
  readonly fill: (bytes: number) => string
  readonly light: (bytes: number) => boolean
  readonly size: (bytes: number) => string
}

/** The sharing matrix as a picture, from the report the view shows. */
export function sharingPicture(report: SharingReport, style: SharingCellStyle): PictureSvg {
  return matrixPicture({
    title: translate('exports:titles.sharing'),
    legend: translate('exports:titles.sharingLegend'),
    rowLabels: report.images.map((image, i) => `${i + 1}. ${image.label}`),
    columnLabels: report.images.map((_, j) => String(j + 1)),
    cells: report.images.map((_, i) =>
      (report.matrix[i] ?? []).map((shared) => ({
        fill: style.fill(shared.bytes),
        light: style.light(shared.bytes),
        text: shared.bytes > 0 ? style.size(shared.bytes) : '',
      })),
    ),
  })
}
