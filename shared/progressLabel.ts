// A progress phase in English: the label progress events carry beside their phase (logs, and
// tests that read the event). The renderer words phases from its catalogues instead.
import type { ProgressPhase } from './api/common'

export function englishProgressLabel(phase: ProgressPhase): string {
  switch (phase.kind) {
    case 'indexLayer':
      return `indexing layer ${phase.layer}`
    case 'download':
      return `Downloading /${phase.path} …`
    case 'resolveTags':
      return `resolving the tags of ${phase.repository}`
    case 'readManifests':
      return 'reading image manifests'
    case 'export':
      return `Exporting ${phase.ref}`
    case 'exportBlobs':
      return `Exporting ${phase.ref}: ${phase.blobs} of ${phase.totalBlobs} blobs`
    case 'exportArchive':
      return `Exporting ${phase.ref}: writing the archive`
  }
}
