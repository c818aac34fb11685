// What a Docker schema 1 manifest says, read for a person: its layers top first, each with the
// legacy config its history entry carries, and why its digest survives the registry re-signing
// it on every request.
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

export function Schema1Section({ document, onSelectDigest }: Schema1SectionProps) {
  const layers = schema1Layers(parse(document))
  return (
    <section className="details-section">
      <h3>Schema 1 layers</h3>
      <p className="hint">
        <span className="mono">fsLayers</span> lists the layers top first: fsLayers[0] is the top
        layer and the last entry is the base, the reverse of a schema 2 manifest.{' '}
        <span className="mono">history[i].v1Compatibility</span> is a JSON string holding the legacy
        config of the layer fsLayers[i]: its id, its parent&apos;s id, when it was made and the
        command that made it (<span className="mono">container_config.Cmd</span>). There is no
        config blob and no layer sizes. Steps marked empty changed only settings; their blob is the
        empty tar.
      </p>
      <p className="hint">
        The digest is the hash of the document without its <span className="mono">signatures</span>:
        registries sign it again on every request, so the bytes differ each time while the digest
        stays the same.
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
                    fsLayers[{layer.position}]
                  </button>
                </th>
                <td className="break-all">
                  <span className="mono">{layer.command ?? '(no command recorded)'}</span>
                  {layer.throwaway ? <span className="badge">empty</span> : null}
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
