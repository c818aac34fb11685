// Every distinct layer of the set: digest, size, how many images use it and which.
import { useState } from 'react'
import { shortDigest } from '../../../shared/digest'
import { formatBytes } from '../../../shared/format'
import type { SharingReport } from '../../../shared/api/sharing'
import { CopyButton } from '../../components/CopyButton'

/** Long lists show this many rows until asked for all. */
const FIRST_ROWS = 100

export function SharingLayers({ report }: { readonly report: SharingReport }) {
  const [all, setAll] = useState(false)
  const rows = all ? report.layers : report.layers.slice(0, FIRST_ROWS)
  return (
    <section className="sharing-layers">
      <h3>Layers ({report.layers.length})</h3>
      <table className="sharing-table" data-testid="sharing-layers">
        <thead>
          <tr>
            <th scope="col">Layer</th>
            <th scope="col" className="num">
              Size
            </th>
            <th scope="col" className="num">
              Used by
            </th>
            <th scope="col">Images</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((layer) => (
            <tr key={layer.digest} data-testid="sharing-layer" data-digest={layer.digest}>
              <td className="mono" title={`${layer.digest}\n${layer.mediaType}`}>
                {shortDigest(layer.digest, 12)}{' '}
                <CopyButton text={layer.digest} what="layer digest" />
              </td>
              <td className="num">{formatBytes(layer.size)}</td>
              <td className="num">{layer.usedBy.length}</td>
              <td className="sharing-users">
                {layer.usedBy.map((i) => (
                  <span key={i} className="chip" title={report.images[i]?.label}>
                    {i + 1}
                  </span>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {!all && report.layers.length > FIRST_ROWS ? (
        <button type="button" className="button-secondary" onClick={() => setAll(true)}>
          Show all {report.layers.length} layers
        </button>
      ) : null}
    </section>
  )
}
