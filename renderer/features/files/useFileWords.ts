// The words and formats of one filesystem entry in the language shown: its type ("enlace
// simbólico → greet") and its modified time, as the tree, the details line, search results and
// the viewer print them.
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { LayerEntry } from '../../../shared/api/files'
import { useFormat } from '../../i18n/useFormat'
import { mtimeIso, typeText } from './fileFormat'

export interface FileWords {
  readonly type: (entry: Pick<LayerEntry, 'type' | 'linkname'>) => string
  /** "Mar 1, 2024, 12:00 UTC"; "?" when the time is nonsense. */
  readonly mtime: (seconds: number) => string
}

export function useFileWords(): FileWords {
  const { t } = useTranslation('files')
  const format = useFormat()
  return useMemo(() => {
    const words = {
      file: t('type.file'),
      dir: t('type.dir'),
      symlink: t('type.symlink'),
      hardlink: t('type.hardlink'),
      char: t('type.char'),
      block: t('type.block'),
      fifo: t('type.fifo'),
    }
    return {
      type: (entry) => typeText(entry, words),
      mtime: (seconds) => {
        const iso = mtimeIso(seconds)
        return iso === undefined ? '?' : format.dateTime(iso)
      },
    }
  }, [t, format])
}
