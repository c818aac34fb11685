// The three names of a layer, each with one line saying what it is.
import { useTranslation } from 'react-i18next'
import { layerIdentities } from './layerIdentities'

export function LayerIdentityLegend() {
  const { t } = useTranslation('stores')
  return (
    <section className="storage-section" aria-labelledby="identities-title">
      <h3 id="identities-title" className="storage-heading">
        {t('identity.legendTitle')}
      </h3>
      <dl className="identity-legend">
        {layerIdentities().map((entry) => (
          <div key={entry.identity} className={`identity-legend-item identity-${entry.identity}`}>
            <dt>
              <span className="identity-tag">{entry.tag}</span> {entry.title}
            </dt>
            <dd>{entry.explanation}</dd>
          </div>
        ))}
      </dl>
    </section>
  )
}
