// The verdict of a semantic compare: equivalent (nothing that carries meaning differs) or not.
// Exact compares say nothing here: the sections below are the verdict.
import { useTranslation } from 'react-i18next'
import type { ImageComparison } from '../../../shared/api/compare'

export function SemanticVerdict({ comparison }: { readonly comparison: ImageComparison }) {
  const { t } = useTranslation('compare')
  if (comparison.mode !== 'semantic' || comparison.equivalent === undefined) return null
  return comparison.equivalent ? (
    <p className="compare-identical" data-testid="compare-equivalent">
      {t('semantic.equivalent')}
    </p>
  ) : (
    <p className="hint" data-testid="compare-not-equivalent">
      {t('semantic.notEquivalent')}
    </p>
  )
}
