// A text file, highlighted line by line and windowed by line (fixed line height), read in
// pages: the first page at once, more on "Load more".
import { useQueries, type UseQueryResult } from '@tanstack/react-query'
import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorPanel } from '../../components/ErrorPanel'
import { Spinner } from '../../components/Spinner'
import { useWindowedRows } from '../../components/useWindowedRows'
import { useFormat } from '../../i18n/useFormat'
import { concatBytes, pageOffsets, textLines } from './fileContent'
import { readPageQuery, VIEW_PAGE_BYTES, type FileTarget, type ReadPage } from './fileReads'
import { languageFor, tokenizeLine } from './highlight'

const LINE_HEIGHT = 18

interface TextPages {
  readonly lines: readonly string[]
  readonly complete: boolean
  readonly eof: boolean
  readonly loadedBytes: number
  readonly failed: UseQueryResult<ReadPage> | undefined
}

/** Module-level, so useQueries re-runs it only when a page changes (not on every scroll). */
function combinePages(results: UseQueryResult<ReadPage>[]): TextPages {
  const loaded = results.flatMap((r) => (r.data ? [r.data] : []))
  const complete = loaded.length === results.length
  const eof = complete && (loaded[loaded.length - 1]?.eof ?? false)
  const bytes = concatBytes(loaded.map((p) => p.bytes))
  return {
    lines: textLines(new TextDecoder('utf-8').decode(bytes, { stream: !eof })),
    complete,
    eof,
    loadedBytes: bytes.length,
    failed: results.find((r) => r.isError),
  }
}

export function TextView({ target, size }: { readonly target: FileTarget; readonly size: number }) {
  const { t } = useTranslation('files')
  const format = useFormat()
  const [pageCount, setPageCount] = useState(1)
  const offsets = pageOffsets(size, VIEW_PAGE_BYTES, pageCount)
  const { lines, complete, eof, loadedBytes, failed } = useQueries({
    queries: offsets.map((offset) => readPageQuery(target, offset, VIEW_PAGE_BYTES)),
    combine: combinePages,
  })
  const language = languageFor(target.path, lines[0] ?? '')

  const listRef = useRef<HTMLOListElement>(null)
  const range = useWindowedRows(listRef, lines.length, LINE_HEIGHT, 20)
  const digits = String(lines.length).length

  return (
    <div className="text-view">
      <div className="code-scroll">
        <ol
          ref={listRef}
          className={`code-lines lang-${language}`}
          data-testid="file-text"
          data-language={language}
          aria-label={t('text.contents', { path: target.path })}
        >
          {range.padTop > 0 ? <li aria-hidden="true" style={{ height: range.padTop }} /> : null}
          {lines.slice(range.start, range.end).map((line, i) => {
            const n = range.start + i + 1
            return (
              <li key={n} className="code-line">
                <span
                  className="code-number"
                  aria-hidden="true"
                  style={{ minWidth: `${digits}ch` }}
                >
                  {n}
                </span>
                <span className="code-text">
                  {tokenizeLine(line, language).map((token, k) => (
                    <span key={k} className={`tok-${token.kind}`}>
                      {token.text}
                    </span>
                  ))}
                </span>
              </li>
            )
          })}
          {range.padBottom > 0 ? (
            <li aria-hidden="true" style={{ height: range.padBottom }} />
          ) : null}
        </ol>
      </div>
      <div className="viewer-footer">
        <span className="muted" data-testid="file-shown">
          {eof
            ? t('text.linesAndSize', {
                lines: t('text.lines', { count: lines.length }),
                size: format.size(size),
              })
            : t('text.showingFirst', {
                loaded: format.size(loadedBytes),
                size: format.size(size),
              })}
        </span>
        {!complete && !failed ? <Spinner inline label={t('text.reading')} /> : null}
        {complete && !eof ? (
          <button
            type="button"
            className="button-secondary button-small"
            data-testid="file-load-more"
            onClick={() => setPageCount((n) => n + 1)}
          >
            {t('text.loadNext', { size: format.size(VIEW_PAGE_BYTES) })}
          </button>
        ) : null}
      </div>
      {failed ? (
        <ErrorPanel error={failed.error} compact onRetry={() => void failed.refetch()} />
      ) : null}
    </div>
  )
}
