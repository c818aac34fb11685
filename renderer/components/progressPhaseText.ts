// What long work is doing, worded from the phase the main side sends (shared/api/common.ts),
// in the language shown. A phase this build does not know keeps the event's English label.
import type { TFunction } from 'i18next'
import type { ProgressEvent } from '../../shared/api'

export function progressLabel(event: ProgressEvent, t: TFunction<'common'>): string {
  const phase = event.phase
  switch (phase?.kind) {
    case 'indexLayer':
      return t('progress.phase.indexLayer', { layer: phase.layer })
    case 'download':
      return t('progress.phase.download', { path: phase.path })
    case 'resolveTags':
      return t('progress.phase.resolveTags', { repository: phase.repository })
    case 'readManifests':
      return t('progress.phase.readManifests')
    case 'export':
      return t('progress.phase.export', { ref: phase.ref })
    case 'exportBlobs':
      return t('progress.phase.exportBlobs', {
        ref: phase.ref,
        blobs: phase.blobs,
        totalBlobs: phase.totalBlobs,
      })
    case 'exportArchive':
      return t('progress.phase.exportArchive', { ref: phase.ref })
    default:
      return event.label
  }
}
