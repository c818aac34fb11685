// The verdict of a semantic compare: equivalent (nothing that carries meaning differs) or not.
// Exact compares say nothing here: the sections below are the verdict.
import type { ImageComparison } from '../../../shared/api/compare'

export function SemanticVerdict({ comparison }: { readonly comparison: ImageComparison }) {
  if (comparison.mode !== 'semantic' || comparison.equivalent === undefined) return null
  return comparison.equivalent ? (
    <p className="compare-identical" data-testid="compare-equivalent">
      Equivalent: the same files, settings and build steps, apart from modification times,
      compression and creation times.
    </p>
  ) : (
    <p className="hint" data-testid="compare-not-equivalent">
      Not equivalent: the differences below change what the image holds or how it runs (modification
      times, compression and creation times are ignored).
    </p>
  )
}
