// The graph's warnings, worded in the language shown; a warning that carries a failure keeps the
// main side's English message under Technical details.
import { useTranslation } from 'react-i18next'
import type { ImageWarning } from '../../../shared/api'
import { imageWarningDetail, imageWarningText } from './imageWarningText'

export function GraphWarnings({ warnings }: { warnings: readonly ImageWarning[] }) {
  const { t } = useTranslation('image')
  if (warnings.length === 0) return null
  return (
    <ul className="graph-warnings" aria-label={t('view.warnings')}>
      {warnings.map((warning, position) => {
        const detail = imageWarningDetail(warning)
        return (
          <li key={position} className="warning" data-warning={warning.kind}>
            {imageWarningText(warning)}
            {detail !== undefined && detail !== '' ? (
              <details className="warning-detail">
                <summary>{t('warning.technical')}</summary>
                <code lang="en">{detail}</code>
              </details>
            ) : null}
          </li>
        )
      })}
    </ul>
  )
}
