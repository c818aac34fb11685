// The open file: where it is (and where a symlink led), what it is, and its content as text,
// hex or an image, decided from the first page's bytes; with a Download link.
import { useQuery } from '@tanstack/react-query'
import type { FileStat } from '../../../shared/api'
import { downloadQuery, WEB_DOWNLOAD_PATH } from '../../../shared/api'
import { formatBytes } from '../../../shared/format'
import { DownloadLink } from '../../components/DownloadLink'
import { ErrorPanel } from '../../components/ErrorPanel'
import { Link } from '../../components/Link'
import { attestationFileRoute, looksLikeAttestationFile } from './attestationFile'
import { EmptyState, LoadingBlock } from '../../components/Spinner'
import { classifyContent } from './fileContent'
import { baseName, formatMtime, modeString, typeText } from './fileFormat'
import { readPageQuery, VIEW_PAGE_BYTES, type FileTarget } from './fileReads'
import { HexView } from './HexView'
import { ImageView } from './ImageView'
import { InspectPanel } from './inspect/InspectPanel'
import { TextView } from './TextView'

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
  const { entry } = stat
  const regular = entry.type === 'file'
  return (
    <section className="file-viewer" data-testid="file-viewer" aria-label={`/${target.path}`}>
      <header className="file-viewer-header">
        <h3 className="file-viewer-title mono">/{target.path}</h3>
        {stat.resolvedPath !== target.path ? (
          <span className="file-resolved mono" data-testid="file-resolved">
            → /{stat.resolvedPath}
          </span>
        ) : null}
        <span className="file-viewer-actions">
          {regular && looksLikeAttestationFile(target.path) ? (
            <Link
              className="button-secondary button-small"
              to={attestationFileRoute(target)}
              testId="open-as-attestation"
            >
              Open as SBOM / attestation
            </Link>
          ) : null}
          {regular ? (
            <DownloadLink
              className="button-secondary button-small"
              href={downloadHref(target)}
              fileName={baseName(target.path)}
              testId="file-download"
            >
              Download
            </DownloadLink>
          ) : null}
          <button type="button" className="icon-button" aria-label="Close file" onClick={onClose}>
            ×
          </button>
        </span>
      </header>
      <p className="file-meta muted">
        {typeText(entry)} · {formatBytes(entry.size)} · {modeString(entry.type, entry.mode)} ·{' '}
        {entry.uid}:{entry.gid} · {formatMtime(entry.mtime)} · from layer {stat.layer + 1}
        {entry.sparse ? ' · sparse' : ''}
      </p>
      {regular ? <InspectPanel target={target} /> : null}
      {regular ? (
        <FileContent target={target} size={entry.size} />
      ) : (
        <EmptyState title={`A ${typeText(entry)}`}>
          It has no content of its own to show.
        </EmptyState>
      )}
    </section>
  )
}

function FileContent({ target, size }: { readonly target: FileTarget; readonly size: number }) {
  const first = useQuery(readPageQuery(target, 0, VIEW_PAGE_BYTES))
  if (first.isPending) return <LoadingBlock label={`Reading /${target.path}…`} />
  if (first.isError) {
    return <ErrorPanel error={first.error} compact onRetry={() => void first.refetch()} />
  }
  if (size === 0)
    return (
      <p className="muted" data-testid="file-empty">
        This file is empty.
      </p>
    )
  const content = classifyContent(first.data.bytes, first.data.eof)
  if (content.kind === 'image') return <ImageView target={target} size={size} mime={content.mime} />
  if (content.kind === 'binary') return <HexView target={target} size={size} />
  return <TextView target={target} size={size} />
}
