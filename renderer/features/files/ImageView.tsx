// An image file (recognised by its magic bytes) read whole and shown from a blob: URL. An
// <img> never runs scripts, so even an SVG from a hostile layer is inert here.
import { useQueries } from '@tanstack/react-query'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorPanel } from '../../components/ErrorPanel'
import { EmptyState, LoadingBlock } from '../../components/Spinner'
import { useFormat } from '../../i18n/useFormat'
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
  const { t } = useTranslation('files')
  const format = useFormat()
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
      <EmptyState title={t('image.tooBigTitle', { size: format.size(size) })}>
        {t('image.tooBig', { max: format.size(MAX_INLINE_IMAGE_BYTES) })}
      </EmptyState>
    )
  }
  if (failed)
    return <ErrorPanel error={failed.error} compact onRetry={() => void failed.refetch()} />
  if (!url) return <LoadingBlock label={t('image.reading', { size: format.size(size) })} />
  return (
    <div className="image-view">
      <img src={url} alt={baseName(target.path)} data-testid="file-image" data-mime={mime} />
    </div>
  )
}
