// Small button rows that save what a view shows: a picture (SVG, PNG) or a list (CSV, JSON).
// The view says how to make the picture or load the rows; these buttons name the file after
// the image and save it in the page.
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { FileChange, FileListArgs, FileListItem } from '../../shared/api'
import { call } from '../api/client'
import { useRoute } from '../routing/navigation'
import { FILE_CHANGE_COLUMNS, FILE_LIST_COLUMNS } from './fileListColumns'
import { Link } from './Link'
import type { ListColumn } from './listExport'
import { exportFileName, toCsv, toJson } from './listExport'
import { saveFile } from './saveFile'
import type { PictureSvg } from './pictureExport'
import { pictureOfSvg, pngOfPicture } from './pictureExport'

function useSaving(): {
  readonly busy: boolean
  readonly failure: string | undefined
  run(work: () => Promise<void>): void
} {
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<string | undefined>(undefined)
  return {
    busy,
    failure,
    run(work) {
      setBusy(true)
      setFailure(undefined)
      work()
        .catch((error: unknown) =>
          setFailure(error instanceof Error ? error.message : String(error)),
        )
        .finally(() => setBusy(false))
    },
  }
}

interface FormatButton<K extends string> {
  readonly kind: K
  /** The format's name on the button ("SVG"): a file format, the same in every language. */
  readonly name: string
  readonly title: string
}

/** One row of format buttons with the failure, if the last save failed. */
function ExportButtons<K extends string>({
  label,
  testId,
  formats,
  saving,
  onSave,
}: {
  readonly label: string
  readonly testId: string
  readonly formats: readonly FormatButton<K>[]
  readonly saving: ReturnType<typeof useSaving>
  readonly onSave: (kind: K) => void
}) {
  const { t } = useTranslation('exports')
  return (
    <span className="export-buttons" role="group" aria-label={label} data-testid={testId}>
      {formats.map((format) => (
        <button
          key={format.kind}
          type="button"
          className="button-secondary"
          title={format.title}
          disabled={saving.busy}
          data-testid={`${testId}-${format.kind}`}
          onClick={() => onSave(format.kind)}
        >
          {format.name}
        </button>
      ))}
      {saving.failure !== undefined ? (
        <span className="hint" role="alert">
          {t('menu.failed', { reason: saving.failure })}
        </span>
      ) : null}
    </span>
  )
}

export function PictureExport({
  imageRef,
  what,
  makePicture,
  testId,
}: {
  /** The image the picture shows; names the file ("alpine-3.20-graph.svg"). Default: the URL's. */
  readonly imageRef?: string
  /** "graph", "sharing", "history". */
  readonly what: string
  readonly makePicture: () => PictureSvg | undefined
  readonly testId: string
}) {
  const { t } = useTranslation('exports')
  const route = useRoute()
  const saving = useSaving()
  const save = (kind: 'svg' | 'png'): void =>
    saving.run(async () => {
      const picture = makePicture()
      if (!picture) return
      const name = exportFileName(imageRef ?? route.ref ?? 'sample', what, kind)
      if (kind === 'svg') saveFile(picture.text, name, 'image/svg+xml')
      else saveFile(await pngOfPicture(picture), name, 'image/png')
    })
  return (
    <ExportButtons
      label={t('menu.picture')}
      testId={testId}
      saving={saving}
      onSave={save}
      formats={[
        { kind: 'svg', name: 'SVG', title: t('menu.svgTitle') },
        { kind: 'png', name: 'PNG', title: t('menu.pngTitle') },
      ]}
    />
  )
}

export function ListExport<T>({
  imageRef,
  what,
  columns,
  loadRows,
  testId,
}: {
  readonly imageRef: string
  /** "layer-3-changes", "files", "diff". */
  readonly what: string
  readonly columns: readonly ListColumn<T>[]
  /** Every row of the list (not only those on screen). */
  readonly loadRows: () => Promise<readonly T[]>
  readonly testId: string
}) {
  const { t } = useTranslation('exports')
  const saving = useSaving()
  const save = (kind: 'csv' | 'json'): void =>
    saving.run(async () => {
      const rows = await loadRows()
      const name = exportFileName(imageRef, what, kind)
      if (kind === 'csv') saveFile(toCsv(columns, rows), name, 'text/csv')
      else saveFile(toJson(columns, rows), name, 'application/json')
    })
  return (
    <ExportButtons
      label={t('menu.list')}
      testId={testId}
      saving={saving}
      onSave={save}
      formats={[
        { kind: 'csv', name: 'CSV', title: t('menu.csvTitle') },
        { kind: 'json', name: 'JSON', title: t('menu.jsonTitle') },
      ]}
    />
  )
}

/**
 * Picture buttons for a view drawn as one SVG, found by `selector` when clicked; the file and
 * title are named after the image in the URL. `unzoom` for the graph (pan and zoom left out).
 */
export function ViewPictureExport({
  selector,
  what,
  unzoom = false,
}: {
  readonly selector: string
  readonly what: 'graph' | 'history'
  readonly unzoom?: boolean
}) {
  const { t } = useTranslation('exports')
  const route = useRoute()
  const imageRef = route.ref ?? 'sample'
  const title =
    what === 'graph' ? t('titles.graph', { ref: imageRef }) : t('titles.history', { ref: imageRef })
  return (
    <PictureExport
      imageRef={imageRef}
      what={what}
      testId={`export-${what}`}
      makePicture={() => {
        const view = document.querySelector(selector)
        return view instanceof SVGSVGElement ? pictureOfSvg(view, title, unzoom) : undefined
      }}
    />
  )
}

/** A link to the export view for the image in the URL (none when the URL names none). */
export function ImageExportLink() {
  const { t } = useTranslation('exports')
  const route = useRoute()
  if (route.ref === undefined) return null
  return (
    <Link
      to={{
        view: 'export',
        ref: route.ref,
        ...(route.platform ? { platform: route.platform } : {}),
      }}
      title={t('menu.openImageTitle')}
      className="button-secondary"
      testId="export-image-link"
    >
      {t('menu.openImage')}
    </Link>
  )
}

export { sharingPicture } from './matrixPicture'

/** Rows a CSV or JSON export pages through at most (a layer of a big distribution is ~60k). */
const MAX_EXPORT_ROWS = 500_000

/**
 * CSV and JSON of a Files listing: every path below `args.path` (recursive), with the layer,
 * platform, change filter and sort the view shows; a layer's changes when a change filter is on.
 */
export function FileListExport({
  args,
}: {
  readonly args: Omit<FileListArgs, 'cursor' | 'limit'>
}) {
  const what = args.layer !== undefined ? `layer-${args.layer}-files` : 'files'
  const loadRows = async (): Promise<readonly FileListItem[]> => {
    const rows: FileListItem[] = []
    let cursor: string | undefined
    do {
      const page = await call('files:list', {
        ...args,
        recursive: true,
        limit: 5000,
        ...(cursor !== undefined ? { cursor } : {}),
      })
      rows.push(...page.items)
      cursor = page.next
    } while (cursor !== undefined && rows.length < MAX_EXPORT_ROWS)
    return rows
  }
  return (
    <ListExport
      imageRef={args.ref}
      what={what}
      columns={FILE_LIST_COLUMNS}
      loadRows={loadRows}
      testId="export-files"
    />
  )
}

/** CSV and JSON of a compare diff: the rows the list shows (its filter applied). */
export function CompareDiffExport({ changes }: { readonly changes: readonly FileChange[] }) {
  const route = useRoute()
  return (
    <ListExport
      imageRef={route.ref ?? 'compare'}
      what="diff"
      columns={FILE_CHANGE_COLUMNS}
      loadRows={() => Promise.resolve(changes)}
      testId="export-diff"
    />
  )
}
