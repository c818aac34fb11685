// A binary file as offset / hex / ASCII lines, one page of the file at a time (windowed by
// line, so a whole page of 8,192 lines scrolls smoothly).
import { useQuery } from '@tanstack/react-query'
import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorPanel } from '../../components/ErrorPanel'
import { LoadingBlock } from '../../components/Spinner'
import { useWindowedRows } from '../../components/useWindowedRows'
import { useFormat } from '../../i18n/useFormat'
import { hexLine, hexLineCount } from './fileContent'
import { readPageQuery, VIEW_PAGE_BYTES, type FileTarget } from './fileReads'

const LINE_HEIGHT = 18

export function HexView({ target, size }: { readonly target: FileTarget; readonly size: number }) {
  const { t } = useTranslation('files')
  const format = useFormat()
  const [page, setPage] = useState(0)
  const pages = Math.max(1, Math.ceil(size / VIEW_PAGE_BYTES))
  const offset = page * VIEW_PAGE_BYTES
  const read = useQuery(readPageQuery(target, offset, VIEW_PAGE_BYTES))
  const bytes = read.data?.bytes
  const lineCount = bytes ? hexLineCount(bytes.length) : 0
  const listRef = useRef<HTMLOListElement>(null)
  const range = useWindowedRows(listRef, lineCount, LINE_HEIGHT, 20)

  return (
    <div className="hex-view">
      {pages > 1 ? (
        <div className="viewer-footer" aria-label={t('hex.pages')}>
          <button
            type="button"
            className="button-secondary button-small"
            disabled={page === 0}
            onClick={() => setPage((p) => p - 1)}
          >
            {t('hex.previous')}
          </button>
          <span className="muted" data-testid="hex-page">
            {t('hex.page', {
              page: format.number(page + 1),
              pages: format.number(pages),
              from: format.size(offset),
              to: format.size(Math.min(size, offset + VIEW_PAGE_BYTES)),
              size: format.size(size),
            })}
          </span>
          <button
            type="button"
            className="button-secondary button-small"
            data-testid="hex-next"
            disabled={page >= pages - 1}
            onClick={() => setPage((p) => p + 1)}
          >
            {t('hex.next')}
          </button>
        </div>
      ) : null}
      {read.isPending ? (
        <LoadingBlock label={t('hex.reading')} />
      ) : read.isError ? (
        <ErrorPanel error={read.error} compact onRetry={() => void read.refetch()} />
      ) : (
        <div className="code-scroll">
          <ol ref={listRef} className="hex-lines" data-testid="file-hex" aria-label={t('hex.dump')}>
            {range.padTop > 0 ? <li aria-hidden="true" style={{ height: range.padTop }} /> : null}
            {Array.from({ length: range.end - range.start }, (_, i) => {
              const line = hexLine(read.data.bytes, range.start + i, offset)
              return (
                <li key={range.start + i} className="hex-line">
                  <span className="hex-offset">{line.offset}</span>
                  <span className="hex-bytes">{line.hex}</span>
                  <span className="hex-ascii">{line.ascii}</span>
                </li>
              )
            })}
            {range.padBottom > 0 ? (
              <li aria-hidden="true" style={{ height: range.padBottom }} />
            ) : null}
          </ol>
        </div>
      )}
    </div>
  )
}
