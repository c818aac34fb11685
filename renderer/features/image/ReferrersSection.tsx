// What refers to a manifest (signatures, SBOMs, attestations): the registry's Referrers API,
// or its sha256-<hex> fallback tag, with an artifactType filter.
import { useQuery } from '@tanstack/react-query'
import { useId, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { ReferrersResult } from '../../../shared/api/image'
import { shortDigest } from '../../../shared/digest'
import { call } from '../../api/client'
import { queryKeys } from '../../api/queryKeys'
import { ErrorPanel } from '../../components/ErrorPanel'
import { Link } from '../../components/Link'
import { Spinner } from '../../components/Spinner'
import { translate } from '../../i18n/translate'
import { useFormat } from '../../i18n/useFormat'
import { referrerDecodeRoute } from './attestationLink'
import { artifactKindText } from './artifactKind'

interface ReferrersSectionProps {
  readonly imageRef: string
  readonly digest: string
  readonly isInGraph: (digest: string) => boolean
  readonly onDigest: (digest: string, mediaType: string | undefined) => void
}

function viaText(result: ReferrersResult): string {
  switch (result.via) {
    case 'api':
      return translate('image:referrers.viaApi')
    case 'fallback-tag':
      return translate('image:referrers.viaFallbackTag', { tag: result.fallbackTag ?? '' })
    case 'none':
      return result.referrers.length > 0
        ? translate('image:referrers.viaCosignTag')
        : translate('image:referrers.none')
    case 'layout':
      return translate('image:referrers.viaLayout')
    case 'unsupported':
      return translate('image:referrers.unsupported')
  }
}

function filterText(result: ReferrersResult): string {
  if (!result.artifactType) return ''
  const words = { type: result.artifactType }
  return ` ${
    result.filteredBy === 'registry'
      ? translate('image:referrers.filteredByRegistry', words)
      : translate('image:referrers.filteredTo', words)
  }`
}

/** The filter's label: the descriptor field it matches, a token that stays as written. */
const FILTER_FIELD = 'artifactType'

export function ReferrersSection({ imageRef, digest, isInGraph, onDigest }: ReferrersSectionProps) {
  const { t } = useTranslation('image')
  const format = useFormat()
  const filterId = useId()
  const [draft, setDraft] = useState('')
  const [artifactType, setArtifactType] = useState('')
  const referrers = useQuery({
    queryKey: queryKeys.referrers(imageRef, digest, artifactType),
    queryFn: ({ signal }) =>
      call(
        'image:referrers',
        { ref: imageRef, digest, ...(artifactType && { artifactType }) },
        signal,
      ),
    retry: false,
    staleTime: 60_000,
  })
  const submit = (event: FormEvent): void => {
    event.preventDefault()
    setArtifactType(draft.trim())
  }
  return (
    <section className="details-section referrers-section" data-testid="referrers-section">
      <h3>{t('referrers.title')}</h3>
      <form className="referrers-filter" onSubmit={submit}>
        <label htmlFor={filterId}>{FILTER_FIELD}</label>
        <input
          id={filterId}
          className="mono"
          data-testid="referrers-filter"
          value={draft}
          placeholder={t('referrers.filterPlaceholder')}
          onChange={(event) => setDraft(event.target.value)}
        />
        <button type="submit" className="button-secondary button-small">
          {t('referrers.filter')}
        </button>
      </form>
      {referrers.isPending ? (
        <Spinner inline label={t('referrers.asking')} />
      ) : referrers.isError ? (
        <ErrorPanel compact error={referrers.error} onRetry={() => void referrers.refetch()} />
      ) : (
        <>
          <p className="hint" data-testid="referrers-via" data-via={referrers.data.via}>
            {viaText(referrers.data)}
            {filterText(referrers.data)}
          </p>
          {referrers.data.referrers.length > 0 ? (
            <ul className="referrers-list">
              {referrers.data.referrers.map((referrer) => (
                <li
                  key={referrer.digest}
                  className="referrer-item"
                  data-testid="referrer-item"
                  data-digest={referrer.digest}
                >
                  <div>
                    <span className="badge">{artifactKindText(referrer.artifactType)}</span>{' '}
                    <button
                      type="button"
                      className="link-button mono"
                      title={
                        isInGraph(referrer.digest) ? t('referrers.select') : t('referrers.open')
                      }
                      onClick={() => onDigest(referrer.digest, referrer.mediaType)}
                    >
                      {shortDigest(referrer.digest, 12)}
                    </button>{' '}
                    <span className="muted">{format.size(referrer.size)}</span>{' '}
                    <Link
                      className="link-button"
                      to={referrerDecodeRoute(imageRef, digest, referrer.digest)}
                      testId="referrer-decode"
                    >
                      {t('referrers.decode')}
                    </Link>
                  </div>
                  {referrer.artifactType ? (
                    <div className="mono break-all muted">{referrer.artifactType}</div>
                  ) : null}
                  {Object.entries(referrer.annotations ?? {}).map(([key, value]) => (
                    <div key={key} className="referrer-annotation break-all">
                      <span className="mono">{key}</span>: {value}
                    </div>
                  ))}
                </li>
              ))}
            </ul>
          ) : null}
        </>
      )}
    </section>
  )
}
