// Every distinct layer of the set: digest (a link to its files in the first image that uses
// it), size, how many images use it and which (links to those images).
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { SharedLayer, SharingReport } from '../../../shared/api/sharing'
import { DigestLink } from '../../components/DigestLink'
import { Link } from '../../components/Link'
import { useFormat } from '../../i18n/useFormat'

/** Long lists show this many rows until asked for all. */
const FIRST_ROWS = 100

export function SharingLayers({ report }: { readonly report: SharingReport }) {
  const { t } = useTranslation('sharing')
  const format = useFormat()
  const [all, setAll] = useState(false)
  const rows = all ? report.layers : report.layers.slice(0, FIRST_ROWS)
  return (
    <section className="sharing-layers">
      <h3>{t('layers.title', { count: report.layers.length })}</h3>
      <table className="sharing-table" data-testid="sharing-layers">
        <thead>
          <tr>
            <th scope="col">{t('layers.layer')}</th>
            <th scope="col" className="num">
              {t('layers.size')}
            </th>
            <th scope="col" className="num">
              {t('layers.usedBy')}
            </th>
            <th scope="col">{t('layers.images')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((layer) => (
            <tr
              key={layer.digest}
              data-testid="sharing-layer"
              data-digest={layer.digest}
              data-used-by={layer.usedBy.length}
            >
              <td title={layer.mediaType}>
                <LayerLink report={report} layer={layer} />
              </td>
              <td className="num">{format.size(layer.size)}</td>
              <td className="num">{format.number(layer.usedBy.length)}</td>
              <td className="sharing-users">
                {layer.usedBy.map((i) => {
                  const image = report.images[i]
                  return image?.ref ? (
                    <Link
                      key={i}
                      className="chip chip-link"
                      title={t('layers.open', { label: image.label })}
                      to={{ view: 'graph', ref: image.ref }}
                    >
                      {i + 1}
                    </Link>
                  ) : (
                    <span key={i} className="chip" title={image?.label}>
                      {i + 1}
                    </span>
                  )
                })}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {!all && report.layers.length > FIRST_ROWS ? (
        <button type="button" className="button-secondary" onClick={() => setAll(true)}>
          {t('layers.showAll', { count: report.layers.length })}
        </button>
      ) : null}
    </section>
  )
}

/** The layer's digest, opening its files in the first image of the set that uses it. */
function LayerLink({
  report,
  layer,
}: {
  readonly report: SharingReport
  readonly layer: SharedLayer
}) {
  const first = layer.usedBy[0]
  const image = first !== undefined ? report.images[first] : undefined
  return (
    <DigestLink
      digest={layer.digest}
      kind="layer"
      imageRef={image?.ref ?? ''}
      {...(image?.platform !== undefined ? { platform: image.platform } : {})}
      testId="sharing-layer-link"
    />
  )
}
