// Layer sharing across a set of images (`view=sharing&ref=<repository or image>[&with=…]`):
// the matrix of shared bytes, the totals (stored once vs if nothing were shared), every layer
// and who uses it. More images from any source can be added.
import { useQuery } from '@tanstack/react-query'
import { useId, useState, type FormEvent } from 'react'
import { formatBytes } from '../../../shared/format'
import type { SharingReport } from '../../../shared/api/sharing'
import { call } from '../../api/client'
import { queryKeys } from '../../api/queryKeys'
import { DigestLink } from '../../components/DigestLink'
import { ErrorPanel } from '../../components/ErrorPanel'
import { EmptyState } from '../../components/Spinner'
import { ImageViewTabs } from '../../components/ImageViewTabs'
import { OperationProgress } from '../../components/OperationProgress'
import { useOperationProgress } from '../../components/useOperationProgress'
import { useNavigate } from '../../routing/navigation'
import type { Route } from '../../routing/route'
import '../../styles/sharing.css'
import { SharingLayers } from './SharingLayers'
import { SharingMatrix } from './SharingMatrix'
import { totalsSentence } from './sharingModel'

export function SharingView({ route }: { readonly route: Route }) {
  const navigate = useNavigate()
  const inputId = useId()
  const [more, setMore] = useState('')
  const refs = [route.ref, ...(route.with ?? [])].filter((r): r is string => r !== undefined)
  const report = useQuery({
    queryKey: queryKeys.sharing(refs),
    queryFn: ({ signal }) => call('sharing:compute', { refs }, signal),
    enabled: refs.length > 0,
    retry: false,
  })
  const progress = useOperationProgress(report.isFetching)
  const add = (event: FormEvent): void => {
    event.preventDefault()
    const value = more.trim()
    if (!value) return
    setMore('')
    if (!route.ref) navigate({ view: 'sharing', ref: value })
    else navigate({ ...route, view: 'sharing', with: [...(route.with ?? []), value] })
  }
  const remove = (ref: string): void => {
    const others = (route.with ?? []).filter((w) => w !== ref)
    navigate({ view: 'sharing', ...(route.ref && { ref: route.ref }), with: others })
  }
  return (
    <section
      className="view sharing-view"
      data-testid="sharing-view"
      aria-labelledby="sharing-title"
    >
      <header className="view-header">
        <h2 id="sharing-title" className="view-title">
          Layer sharing
        </h2>
        {route.ref ? <ImageViewTabs imageRef={route.ref} current="sharing" /> : null}
      </header>
      <div className="sharing-inputs">
        <ul className="sharing-refs" aria-label="Images in the set">
          {refs.map((ref, index) => (
            <li key={ref} className="chip sharing-ref mono">
              {ref}
              {index > 0 ? (
                <button
                  type="button"
                  className="icon-button"
                  aria-label={`Remove ${ref}`}
                  onClick={() => remove(ref)}
                >
                  ×
                </button>
              ) : null}
            </li>
          ))}
        </ul>
        <form className="sharing-add-form" onSubmit={add}>
          <label htmlFor={inputId}>Add images</label>
          <input
            id={inputId}
            data-testid="sharing-add-input"
            value={more}
            placeholder="host/repo (all tags), host/repo:tag, oci:/path:tag…"
            onChange={(event) => setMore(event.target.value)}
          />
          <button type="submit" className="button-secondary" data-testid="sharing-add">
            Add
          </button>
        </form>
        <p className="hint">
          A repository stands for all its tags; an index for all its platforms.
        </p>
      </div>
      {refs.length === 0 ? (
        <EmptyState title="No images chosen">
          Add a repository or images above to see which layers they share.
        </EmptyState>
      ) : report.isPending ? (
        <OperationProgress
          state={progress}
          fallback={`Reading the layers of ${refs.length === 1 ? refs[0] : `${refs.length} references`}…`}
        />
      ) : report.isError ? (
        <ErrorPanel error={report.error} onRetry={() => void report.refetch()} />
      ) : report.data.images.length === 0 ? (
        <EmptyState title="No images found">These references name no images.</EmptyState>
      ) : (
        <>
          <p className="sharing-total" data-testid="sharing-total">
            {totalsSentence(report.data)}
          </p>
          <SharingMatrix report={report.data} />
          <ImageTable report={report.data} />
          <SharingLayers report={report.data} />
        </>
      )}
    </section>
  )
}

function ImageTable({ report }: { readonly report: SharingReport }) {
  return (
    <section className="sharing-images">
      <h3>Images ({report.images.length})</h3>
      <table className="sharing-table">
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">Image</th>
            <th scope="col">Manifest</th>
            <th scope="col" className="num">
              Layers
            </th>
            <th scope="col" className="num">
              Own bytes
            </th>
            <th scope="col" className="num">
              Used by no other
            </th>
          </tr>
        </thead>
        <tbody>
          {report.images.map((image, i) => (
            <tr key={`${i}:${image.label}`} data-testid="sharing-image">
              <td>{i + 1}</td>
              <td className="mono break-all">{image.label}</td>
              <td>
                {image.digest ? (
                  <DigestLink
                    digest={image.digest}
                    kind="manifest"
                    imageRef={image.ref ?? ''}
                    testId="sharing-image-link"
                  />
                ) : (
                  '—'
                )}
              </td>
              <td className="num">{image.layerCount}</td>
              <td className="num">{formatBytes(image.layerBytes)}</td>
              <td className="num">{formatBytes(image.exclusiveBytes)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}
