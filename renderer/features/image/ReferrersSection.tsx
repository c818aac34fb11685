// What refers to a manifest (signatures, SBOMs, attestations): the registry's Referrers API,
// or its sha256-<hex> fallback tag, with an artifactType filter.
import { useQuery } from '@tanstack/react-query'
import { useId, useState, type FormEvent } from 'react'
import type { ReferrersResult } from '../../../shared/api/image'
import { shortDigest } from '../../../shared/digest'
import { formatBytes } from '../../../shared/format'
import { call } from '../../api/client'
import { queryKeys } from '../../api/queryKeys'
import { ErrorPanel } from '../../components/ErrorPanel'
import { Link } from '../../components/Link'
import { Spinner } from '../../components/Spinner'
import { referrerDecodeRoute } from './attestationLink'
import { artifactKind } from './artifactKind'

interface ReferrersSectionProps {
  readonly imageRef: string
  readonly digest: string
  readonly isInGraph: (digest: string) => boolean
  readonly onDigest: (digest: string, mediaType: string | undefined) => void
}

function viaText(result: ReferrersResult): string {
  switch (result.via) {
    case 'api':
      return 'Found through the registry’s Referrers API.'
    case 'fallback-tag':
      return `The registry has no Referrers API; found through the fallback tag ${result.fallbackTag ?? ''}.`
    case 'none':
      return result.referrers.length > 0
        ? 'The registry has no Referrers API and no fallback tag; found through cosign’s signature tag.'
        : 'Nothing refers to this manifest (neither the Referrers API nor the fallback tag lists anything).'
    case 'unsupported':
      return 'Local image stores keep no referrers.'
  }
}

export function ReferrersSection({ imageRef, digest, isInGraph, onDigest }: ReferrersSectionProps) {
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
      <h3>Referrers</h3>
      <form className="referrers-filter" onSubmit={submit}>
        <label htmlFor={filterId}>artifactType</label>
        <input
          id={filterId}
          className="mono"
          data-testid="referrers-filter"
          value={draft}
          placeholder="any (e.g. application/spdx+json)"
          onChange={(event) => setDraft(event.target.value)}
        />
        <button type="submit" className="button-secondary button-small">
          Filter
        </button>
      </form>
      {referrers.isPending ? (
        <Spinner inline label="Asking the registry…" />
      ) : referrers.isError ? (
        <ErrorPanel compact error={referrers.error} onRetry={() => void referrers.refetch()} />
      ) : (
        <>
          <p className="hint" data-testid="referrers-via" data-via={referrers.data.via}>
            {viaText(referrers.data)}
            {referrers.data.artifactType
              ? ` Filtered to ${referrers.data.artifactType}${
                  referrers.data.filteredBy === 'registry' ? ' by the registry' : ''
                }.`
              : ''}
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
                    <span className="badge">{artifactKind(referrer.artifactType)}</span>{' '}
                    <button
                      type="button"
                      className="link-button mono"
                      title={
                        isInGraph(referrer.digest) ? 'Select it in the graph' : 'Open the document'
                      }
                      onClick={() => onDigest(referrer.digest, referrer.mediaType)}
                    >
                      {shortDigest(referrer.digest, 12)}
                    </button>{' '}
                    <span className="muted">{formatBytes(referrer.size)}</span>{' '}
                    <Link
                      className="link-button"
                      to={referrerDecodeRoute(imageRef, digest, referrer.digest)}
                      testId="referrer-decode"
                    >
                      Decode
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
