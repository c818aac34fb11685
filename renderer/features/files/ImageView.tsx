// An image file (recognised by its magic bytes) read whole and shown from a blob: URL. An
// <img> never runs scripts, so even an SVG from a hostile layer is inert here.
import { useQueries } from '@tanstack/react-query'
import { useEffect, useState } from 'react'
import { formatBytes } from '../../../shared/format'
import { ErrorPanel } from '../../components/ErrorPanel'
import { EmptyState, LoadingBlock } from '../../components/Spinner'
import { pageOffsets, type ImageMime } from './fileContent'
import { baseName } from './fileFormat'
import {
  IMAGE_CHUNK_BYTES,
  MAX_INLINE_IMAGE_BYTES,
  readPageQuery,
  type FileTarget,
} from './fileReads'

interface ImageViewProps {
  readonly target: FileTarget
  readonly size: number
  readonly mime: ImageMime
}

export function ImageView({ target, size, mime }: ImageViewProps) {
  const tooBig = size > MAX_INLINE_IMAGE_BYTES
  const offsets = tooBig ? [] : pageOffsets(size, IMAGE_CHUNK_BYTES, Infinity)
  const chunks = useQueries({
    queries: offsets.map((offset) => readPageQuery(target, offset, IMAGE_CHUNK_BYTES)),
  })
  const failed = chunks.find((c) => c.isError)
  const ready = chunks.length > 0 && chunks.every((c) => c.data !== undefined)
  const dataKey = ready ? `${target.ref}|${target.layer ?? ''}|${target.path}` : ''
  const [shown, setShown] = useState<{ readonly key: string; readonly url: string }>()
  const url = shown && shown.key === dataKey ? shown.url : undefined

  useEffect(() => {
    if (!dataKey) return
    const parts = chunks.flatMap((c) => (c.data ? [c.data.bytes] : []))
    const objectUrl = URL.createObjectURL(new Blob(parts as BlobPart[], { type: mime }))
    setShown({ key: dataKey, url: objectUrl })
    return () => URL.revokeObjectURL(objectUrl)
    // The chunks are complete and immutable once dataKey is set.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [dataKey, mime])

  if (tooBig) {
    return (
      <EmptyState title={`A ${formatBytes(size)} image`}>
        Images over {formatBytes(MAX_INLINE_IMAGE_BYTES)} are not shown inline; download it.
      </EmptyState>
    )
  }
  if (failed)
    return <ErrorPanel error={failed.error} compact onRetry={() => void failed.refetch()} />
  if (!url) return <LoadingBlock label={`Reading ${formatBytes(size)}…`} />
  return (
    <div className="image-view">
      <img src={url} alt={baseName(target.path)} data-testid="file-image" data-mime={mime} />
    </div>
  )
}
