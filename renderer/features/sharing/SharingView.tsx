// Layer sharing across a set of images (`view=sharing&ref=<repository or image>[&with=…]`):
// the matrix of shared bytes, the totals (stored once vs if nothing were shared), every layer
// and who uses it. More images from any source can be added.
import { useQuery } from '@tanstack/react-query'
import { useId, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { SharingReport } from '../../../shared/api/sharing'
import { call } from '../../api/client'
import { queryKeys } from '../../api/queryKeys'
import { DigestLink } from '../../components/DigestLink'
import { ErrorPanel } from '../../components/ErrorPanel'
import { EmptyState } from '../../components/Spinner'
import { ImageViewTabs } from '../../components/ImageViewTabs'
import { OperationProgress } from '../../components/OperationProgress'
import { useOperationProgress } from '../../components/useOperationProgress'
import { useFormat } from '../../i18n/useFormat'
import { useNavigate } from '../../routing/navigation'
import type { Route } from '../../routing/route'
import '../../styles/sharing.css'
import { SharingLayers } from './SharingLayers'
import { SharingMatrix } from './SharingMatrix'
import { totalsSentence } from './sharingModel'

export function SharingView({ route }: { readonly route: Route }) {
  const { t } = useTranslation('sharing')
  const format = useFormat()
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
          {t('view.title')}
        </h2>
        {route.ref ? <ImageViewTabs imageRef={route.ref} current="sharing" /> : null}
      </header>
      <div className="sharing-inputs">
        <ul className="sharing-refs" aria-label={t('view.refsLabel')}>
          {refs.map((ref, index) => (
            <li key={ref} className="chip sharing-ref mono">
              {ref}
              {index > 0 ? (
                <button
                  type="button"
                  className="icon-button"
                  aria-label={t('view.remove', { ref })}
                  onClick={() => remove(ref)}
                >
                  ×
                </button>
              ) : null}
            </li>
          ))}
        </ul>
        <form className="sharing-add-form" onSubmit={add}>
          <label htmlFor={inputId}>{t('view.addLabel')}</label>
          <input
            id={inputId}
            data-testid="sharing-add-input"
            value={more}
            placeholder={t('view.addPlaceholder')}
            onChange={(event) => setMore(event.target.value)}
          />
          <button type="submit" className="button-secondary" data-testid="sharing-add">
            {t('view.add')}
          </button>
        </form>
        <p className="hint">{t('view.addHint')}</p>
      </div>
      {refs.length === 0 ? (
        <EmptyState title={t('view.emptyTitle')}>{t('view.emptyBody')}</EmptyState>
      ) : report.isPending ? (
        <OperationProgress
          state={progress}
          fallback={
            refs.length === 1
              ? t('view.readingOne', { ref: refs[0] })
              : t('view.readingMany', { count: refs.length })
          }
        />
      ) : report.isError ? (
        <ErrorPanel error={report.error} onRetry={() => void report.refetch()} />
      ) : report.data.images.length === 0 ? (
        <EmptyState title={t('view.noneFoundTitle')}>{t('view.noneFoundBody')}</EmptyState>
      ) : (
        <>
          <p className="sharing-total" data-testid="sharing-total">
            {totalsSentence(report.data, { t, format })}
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
  const { t } = useTranslation('sharing')
  const format = useFormat()
  return (
    <section className="sharing-images">
      <h3>{t('images.title', { count: report.images.length })}</h3>
      <table className="sharing-table">
        <thead>
          <tr>
            <th scope="col">{t('images.number')}</th>
            <th scope="col">{t('images.image')}</th>
            <th scope="col">{t('images.manifest')}</th>
            <th scope="col" className="num">
              {t('images.layers')}
            </th>
            <th scope="col" className="num">
              {t('images.ownBytes')}
            </th>
            <th scope="col" className="num">
              {t('images.exclusive')}
            </th>
          </tr>
        </thead>
        <tbody>
          {report.images.map((image, i) => (
            <tr key={`${i}:${image.label}`} data-testid="sharing-image" data-digest={image.digest}>
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
              <td className="num">{format.number(image.layerCount)}</td>
              <td className="num">{format.size(image.layerBytes)}</td>
              <td className="num">{format.size(image.exclusiveBytes)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}
