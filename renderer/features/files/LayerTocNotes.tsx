// Under a layer in the strip: that it was listed from its eStargz or zstd:chunked table of
// contents, and the warnings that mark it (a TOC that was ignored, files whose bytes disagreed
// with it and were read from the whole layer), in the language shown. File reads can add
// warnings after the layer was listed, so the index is asked again when reads of this image end.
import { useIsFetching } from '@tanstack/react-query'
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import type { LayerTocInfo } from '../../../shared/api/files'
import { queryKeys } from '../../api/queryKeys'
import { tocWarningText } from './tocWarningText'

interface LayerTocNotesProps {
  readonly imageRef: string
  readonly toc: LayerTocInfo
  /** Asks layers:index again (it answers from the remembered TOC: no layer bytes). */
  readonly refresh: () => void
}

export function LayerTocNotes({ imageRef, toc, refresh }: LayerTocNotesProps) {
  const { t } = useTranslation('files')
  const reading = useIsFetching({ queryKey: [...queryKeys.files(imageRef), 'read'] })
  const wasReading = useRef(false)
  useEffect(() => {
    if (reading > 0) wasReading.current = true
    else if (wasReading.current && toc.listedFromToc) {
      wasReading.current = false
      refresh()
    }
  }, [reading, toc.listedFromToc, refresh])
  return (
    <div className="layer-toc" data-testid="layer-toc" data-format={toc.format}>
      {toc.listedFromToc ? (
        <span className="layer-meta muted">{t('toc.listed', { format: toc.format })}</span>
      ) : null}
      {toc.warnings.length > 0 ? (
        <details className="layer-toc-warnings" data-testid="layer-toc-warnings">
          <summary className="error-message">
            {t('toc.marked', { count: toc.warnings.length })}
          </summary>
          <ul>
            {toc.warnings.map((warning, i) => (
              <li key={i} data-testid="layer-toc-warning" data-kind={warning.kind}>
                {tocWarningText(warning)}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  )
}
