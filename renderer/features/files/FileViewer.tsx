// The open file: where it is (and where a symlink led), what it is, and its content as text,
// hex or an image, decided from the first page's bytes; with a Download link.
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import type { FileStat } from '../../../shared/api'
import { downloadQuery, WEB_DOWNLOAD_PATH } from '../../../shared/api'
import { DownloadLink } from '../../components/DownloadLink'
import { ErrorPanel } from '../../components/ErrorPanel'
import { Link } from '../../components/Link'
import { attestationFileRoute, looksLikeAttestationFile } from './attestationFile'
import { EmptyState, LoadingBlock } from '../../components/Spinner'
import { useFormat } from '../../i18n/useFormat'
import { classifyContent } from './fileContent'
import { baseName, modeString } from './fileFormat'
import { readPageQuery, VIEW_PAGE_BYTES, type FileTarget } from './fileReads'
import { HexView } from './HexView'
import { ImageView } from './ImageView'
import { InspectPanel } from './inspect/InspectPanel'
import { TextView } from './TextView'
import { useFileWords } from './useFileWords'

/** Where a symlink led: a symbol, not a word. */
const ARROW = '→'

interface FileViewerProps {
  readonly target: FileTarget
  readonly stat: FileStat
  readonly onClose: () => void
}

export function downloadHref(target: FileTarget): string {
  return (
    WEB_DOWNLOAD_PATH +
    downloadQuery({
      ref: target.ref,
      path: `/${target.path}`,
      ...(target.platform !== undefined ? { platform: target.platform } : {}),
      ...(target.layer !== undefined ? { layer: target.layer } : {}),
    })
  )
}

export function FileViewer({ target, stat, onClose }: FileViewerProps) {
  const { t } = useTranslation('files')
  const words = useFileWords()
  const format = useFormat()
  const { entry } = stat
  const regular = entry.type === 'file'
  return (
    <section className="file-viewer" data-testid="file-viewer" aria-label={`/${target.path}`}>
      <header className="file-viewer-header">
        <h3 className="file-viewer-title mono">/{target.path}</h3>
        {stat.resolvedPath !== target.path ? (
          <span className="file-resolved mono" data-testid="file-resolved">
            {`${ARROW} /${stat.resolvedPath}`}
          </span>
        ) : null}
        <span className="file-viewer-actions">
          {regular && looksLikeAttestationFile(target.path) ? (
            <Link
              className="button-secondary button-small"
              to={attestationFileRoute(target)}
              testId="open-as-attestation"
            >
              {t('viewer.openAsAttestation')}
            </Link>
          ) : null}
          {regular ? (
            <DownloadLink
              className="button-secondary button-small"
              href={downloadHref(target)}
              fileName={baseName(target.path)}
              testId="file-download"
            >
              {t('viewer.download')}
            </DownloadLink>
          ) : null}
          <button
            type="button"
            className="icon-button"
            aria-label={t('viewer.close')}
            onClick={onClose}
          >
            ×
          </button>
        </span>
      </header>
      <p className="file-meta muted">
        {[
          words.type(entry),
          format.size(entry.size),
          modeString(entry.type, entry.mode),
          `${entry.uid}:${entry.gid}`,
          words.mtime(entry.mtime),
          t('viewer.fromLayer', { n: stat.layer + 1 }),
          ...(entry.sparse ? [t('viewer.sparse')] : []),
        ].join(' · ')}
      </p>
      {regular ? <InspectPanel target={target} /> : null}
      {regular ? (
        <FileContent target={target} size={entry.size} />
      ) : (
        <EmptyState title={t('viewer.noContentTitle', { type: words.type(entry) })}>
          {t('viewer.noContent')}
        </EmptyState>
      )}
    </section>
  )
}

function FileContent({ target, size }: { readonly target: FileTarget; readonly size: number }) {
  const { t } = useTranslation('files')
  const first = useQuery(readPageQuery(target, 0, VIEW_PAGE_BYTES))
  if (first.isPending) return <LoadingBlock label={t('viewer.reading', { path: target.path })} />
  if (first.isError) {
    return <ErrorPanel error={first.error} compact onRetry={() => void first.refetch()} />
  }
  if (size === 0)
    return (
      <p className="muted" data-testid="file-empty">
        {t('viewer.empty')}
      </p>
    )
  const content = classifyContent(first.data.bytes, first.data.eof)
  if (content.kind === 'image') return <ImageView target={target} size={size} mime={content.mime} />
  if (content.kind === 'binary') return <HexView target={target} size={size} />
  return <TextView target={target} size={size} />
}
