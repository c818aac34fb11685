// A TOC warning in English: for logs, the command line and tests that read text. The renderer
// words the warnings from its catalogues instead (renderer/features/files/tocWarningText.ts).
import type { TocWarning } from './api/files'

export function englishTocWarning(warning: TocWarning): string {
  switch (warning.kind) {
    case 'tocIgnored':
      return `${warning.format} table of contents ignored: ${warning.error.message}; the layer was read in full`
    case 'fileRangeUnreadable':
      return `/${warning.path}: bytes ${warning.start}–${warning.end} named by the TOC do not hold the file; read from the whole layer instead`
    case 'fileDigestMismatch':
      return `/${warning.path}: the bytes the TOC points at hash to ${warning.actualDigest}, not the TOC's digest ${warning.expectedDigest}; read from the whole layer instead`
  }
}
