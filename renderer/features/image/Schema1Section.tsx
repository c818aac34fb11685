// What a Docker schema 1 manifest says, read for a person: its layers top first, each with the
// legacy config its history entry carries, and why its digest survives the registry re-signing
// it on every request.
import { Trans, useTranslation } from 'react-i18next'
import { shortDigest } from '../../../shared/digest'
import { schema1Layers } from '../../../shared/oci/schema1'

interface Schema1SectionProps {
  /** The verified document text. */
  readonly document: string
  readonly onSelectDigest: (digest: string) => void
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text) as unknown
  } catch {
    return undefined
  }
}

/** JSON field names inside the hints keep the monospace face. */
const CODE = { code: <span className="mono" /> }

/** fsLayers[i]: the field a row comes from, as the document writes it. */
const fieldOf = (position: number): string => `fsLayers[${position}]`

export function Schema1Section({ document, onSelectDigest }: Schema1SectionProps) {
  const { t } = useTranslation('image')
  const layers = schema1Layers(parse(document))
  return (
    <section className="details-section">
      <h3>{t('schema1.title')}</h3>
      <p className="hint">
        <Trans t={t} i18nKey="schema1.layersHint" components={CODE} />
      </p>
      <p className="hint">
        <Trans t={t} i18nKey="schema1.digestHint" components={CODE} />
      </p>
      {layers.length > 0 ? (
        <table className="annotations">
          <tbody>
            {layers.map((layer) => (
              <tr key={layer.position}>
                <th scope="row" className="mono">
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => onSelectDigest(layer.blobSum)}
                  >
                    {fieldOf(layer.position)}
                  </button>
                </th>
                <td className="break-all">
                  <span className="mono">{layer.command ?? t('schema1.noCommand')}</span>
                  {layer.throwaway ? <span className="badge">{t('schema1.empty')}</span> : null}
                  <br />
                  <span className="muted mono">{shortDigest(layer.blobSum, 12)}</span>
                  {layer.created ? <span className="muted"> · {layer.created}</span> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  )
}
