// A changed text file, both versions side by side with the differing lines marked (lineDiff.ts).
import { useQuery } from '@tanstack/react-query'
import { useEffect, useMemo, useRef } from 'react'
import { call } from '../../api/client'
import { queryKeys } from '../../api/queryKeys'
import { ErrorPanel } from '../../components/ErrorPanel'
import { LoadingBlock } from '../../components/Spinner'
import { base64Bytes, decodeFileText, MAX_TEXT_BYTES, type FileText } from './fileText'
import { diffLines, sideBySideRows, splitLines, type SideBySideRow } from './lineDiff'

const plurals = new Intl.PluralRules('en')
const DIFFER_WORDS = { one: 'line differs', other: 'lines differ' } as const

export interface FileSide {
  readonly ref: string
  readonly platform?: string
}

function useFileText(side: FileSide, path: string) {
  return useQuery({
    queryKey: [...queryKeys.compareFileRead(side.ref, path), side.platform ?? ''],
    queryFn: async ({ signal }): Promise<FileText> => {
      const chunk = await call(
        'files:read',
        {
          ref: side.ref,
          ...(side.platform && { platform: side.platform }),
          path,
          offset: 0,
          length: MAX_TEXT_BYTES,
        },
        signal,
      )
      return decodeFileText(base64Bytes(chunk.base64), !chunk.eof)
    },
    staleTime: Infinity,
    retry: false,
  })
}

interface SideBySideProps {
  readonly path: string
  readonly left: FileSide
  readonly right: FileSide
  readonly onClose: () => void
}

export function SideBySide({ path, left, right, onClose }: SideBySideProps) {
  const a = useFileText(left, path)
  const b = useFileText(right, path)
  // It opens below the list of changes: bring it into view, each time another file opens.
  const sectionRef = useRef<HTMLElement>(null)
  useEffect(() => {
    sectionRef.current?.scrollIntoView({ block: 'start' })
  }, [path])
  return (
    <section
      ref={sectionRef}
      className="compare-section side-by-side"
      data-testid="compare-side-by-side"
      data-path={path}
    >
      <header className="side-by-side-head">
        <h3 className="mono">{path}</h3>
        <button type="button" className="button-secondary button-small" onClick={onClose}>
          Close
        </button>
      </header>
      {a.isPending || b.isPending ? (
        <LoadingBlock label={`Reading ${path} on both sides…`} />
      ) : a.isError || b.isError ? (
        <ErrorPanel compact error={a.error ?? b.error} />
      ) : a.data.kind === 'binary' || b.data.kind === 'binary' ? (
        <p className="hint">Binary file: only its size and content differ; no line view.</p>
      ) : (
        <TextColumns
          left={a.data.text}
          right={b.data.text}
          truncated={a.data.truncated || b.data.truncated}
        />
      )}
    </section>
  )
}

function TextColumns({
  left,
  right,
  truncated,
}: {
  readonly left: string
  readonly right: string
  readonly truncated: boolean
}) {
  const model = useMemo(() => {
    const a = splitLines(left)
    const b = splitLines(right)
    const edits = diffLines(a, b)
    const rows: SideBySideRow[] = edits
      ? sideBySideRows(edits)
      : Array.from({ length: Math.max(a.length, b.length) }, (_, i) => ({
          kind: 'changed' as const,
          ...(i < a.length && { left: i }),
          ...(i < b.length && { right: i }),
        }))
    return { a, b, rows, aligned: edits !== undefined }
  }, [left, right])
  const changed = model.rows.filter((r) => r.kind !== 'same').length
  return (
    <>
      <p className="hint">
        {model.aligned
          ? `${changed} ${DIFFER_WORDS[plurals.select(changed) === 'one' ? 'one' : 'other']}.`
          : 'Too many differences to align line by line; shown as is.'}
        {truncated ? ` Only the first ${MAX_TEXT_BYTES / 1024} KiB of each side are shown.` : ''}
      </p>
      <div className="text-diff" role="table" aria-label="Both versions side by side">
        {model.rows.map((row, i) => (
          <div key={i} className={`text-diff-row line-${row.kind}`} role="row" data-kind={row.kind}>
            <span className="line-no" role="cell">
              {row.left !== undefined ? row.left + 1 : ''}
            </span>
            <span className="line-text line-left" role="cell">
              {row.left !== undefined ? model.a[row.left] : ''}
            </span>
            <span className="line-no" role="cell">
              {row.right !== undefined ? row.right + 1 : ''}
            </span>
            <span className="line-text line-right" role="cell">
              {row.right !== undefined ? model.b[row.right] : ''}
            </span>
          </div>
        ))}
      </div>
    </>
  )
}
