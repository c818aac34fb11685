// A changed text file, both versions side by side with the differing lines marked (lineDiff.ts).
import { useQuery } from '@tanstack/react-query'
import { useEffect, useMemo, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { call } from '../../api/client'
import { queryKeys } from '../../api/queryKeys'
import { ErrorPanel } from '../../components/ErrorPanel'
import { LoadingBlock } from '../../components/Spinner'
import { useFormat } from '../../i18n/useFormat'
import { base64Bytes, decodeFileText, MAX_TEXT_BYTES, type FileText } from './fileText'
import { diffLines, sideBySideRows, splitLines, type SideBySideRow } from './lineDiff'

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
  const { t } = useTranslation('compare')
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
          {t('sideBySide.close')}
        </button>
      </header>
      {a.isPending || b.isPending ? (
        <LoadingBlock label={t('sideBySide.reading', { path })} />
      ) : a.isError || b.isError ? (
        <ErrorPanel compact error={a.error ?? b.error} />
      ) : a.data.kind === 'binary' || b.data.kind === 'binary' ? (
        <p className="hint">{t('sideBySide.binary')}</p>
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
  const { t } = useTranslation('compare')
  const format = useFormat()
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
        {model.aligned ? t('sideBySide.differ', { count: changed }) : t('sideBySide.tooMany')}
        {truncated ? t('sideBySide.truncated', { size: format.size(MAX_TEXT_BYTES) }) : ''}
      </p>
      <div className="text-diff" role="table" aria-label={t('sideBySide.table')}>
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
