// The three names of a layer, each with one line saying what it is.
import { LAYER_IDENTITIES } from './layerIdentities'

export function LayerIdentityLegend() {
  return (
    <section className="storage-section" aria-labelledby="identities-title">
      <h3 id="identities-title" className="storage-heading">
        Every layer has three names
      </h3>
      <dl className="identity-legend">
        {LAYER_IDENTITIES.map((entry) => (
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
