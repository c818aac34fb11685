import { useTranslation } from 'react-i18next'
import type { ObjectKind } from '../../../shared/oci/mediaTypes'

type LegendKind = ObjectKind | 'container'

/** A container (container:…) and schema 1 show only when the graph has one. */
const KINDS: readonly LegendKind[] = [
  'container',
  'index',
  'manifest',
  'config',
  'layer',
  'artifact',
  'schema1',
]
const WHEN_PRESENT: ReadonlySet<LegendKind> = new Set(['container', 'schema1'])

interface LegendProps {
  readonly present: ReadonlySet<LegendKind>
  /** Some blob is listed by more than one document: explain the "shared by N" badge. */
  readonly hasShared: boolean
  /** Some node is a referrer (a signature, SBOM, attestation pointing at its subject). */
  readonly hasReferrers?: boolean
}

/** The colour of each object kind, as used on the node borders. */
export function Legend({ present, hasShared, hasReferrers = false }: LegendProps) {
  const { t } = useTranslation('image')
  return (
    <ul className="legend" aria-label={t('legend.label')}>
      {KINDS.filter((kind) => present.has(kind) || !WHEN_PRESENT.has(kind)).map((kind) => (
        <li key={kind} className={`legend-item kind-${kind}`}>
          <span className="legend-swatch" aria-hidden="true" />
          {t(`kind.${kind}`)}
        </li>
      ))}
      {hasShared ? (
        <li className="legend-item" title={t('legend.sharedTitle')}>
          <span className="legend-pill">{t('legend.sharedPill')}</span>
          {t('legend.shared')}
        </li>
      ) : null}
      {hasReferrers ? (
        <li
          className="legend-item legend-referrer"
          data-testid="legend-referrer"
          title={t('legend.referrerTitle')}
        >
          <span className="legend-dash" aria-hidden="true" />
          {t('legend.referrer')}
        </li>
      ) : null}
    </ul>
  )
}
