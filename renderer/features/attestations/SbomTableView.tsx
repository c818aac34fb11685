// An SBOM's packages as a table: searched as you type (name, version, license, purl), shown a
// page of rows at a time so a 100,000-package SBOM stays responsive.
import { useId, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { SbomTable } from '../../../shared/api/attestations'
import { useFormat } from '../../i18n/useFormat'
import { filterPackages, pageOf } from './sbomRows'

/** The SBOM formats by their own names, which stay as written. */
const FORMAT_NAMES = { spdx: 'SPDX', cyclonedx: 'CycloneDX' } as const
/** The purl column: the package-URL field, a token. */
const PURL = 'purl'

export function SbomTableView({ sbom }: { readonly sbom: SbomTable }) {
  const { t } = useTranslation('attestations')
  const format = useFormat()
  const searchId = useId()
  const [query, setQuery] = useState('')
  const [page, setPage] = useState(0)
  const matches = useMemo(() => filterPackages(sbom.packages, query), [sbom.packages, query])
  const shown = pageOf(matches, page)
  return (
    <div className="sbom-table" data-testid="sbom-table">
      <p className="muted">
        {FORMAT_NAMES[sbom.format]} {sbom.specVersion}
        {sbom.documentName !== undefined ? ` · ${sbom.documentName}` : ''} ·{' '}
        {t('sbom.summary', { count: sbom.total, formatted: format.number(sbom.total) })}
        {sbom.packages.length < sbom.total
          ? t('sbom.firstListed', { formatted: format.number(sbom.packages.length) })
          : ''}
      </p>
      <div className="sbom-search">
        <label htmlFor={searchId}>{t('sbom.search')}</label>
        <input
          id={searchId}
          type="search"
          data-testid="sbom-search"
          value={query}
          placeholder={t('sbom.searchPlaceholder')}
          onChange={(event) => {
            setQuery(event.target.value)
            setPage(0)
          }}
        />
        <span className="muted" data-testid="sbom-count">
          {t('sbom.count', {
            shown: format.number(matches.length),
            total: format.number(sbom.packages.length),
          })}
        </span>
      </div>
      <table className="sbom-packages">
        <thead>
          <tr>
            <th>{t('sbom.name')}</th>
            <th>{t('sbom.version')}</th>
            <th>{t('sbom.license')}</th>
            <th>{PURL}</th>
          </tr>
        </thead>
        <tbody>
          {shown.rows.map((p, i) => (
            <tr key={`${shown.first + i}`} data-testid="sbom-row">
              <td className="mono">{p.name}</td>
              <td className="mono">{p.version ?? ''}</td>
              <td>{p.license ?? ''}</td>
              <td className="mono break-all">{p.purl ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {shown.pageCount > 1 ? (
        <div className="sbom-pages">
          <button
            type="button"
            className="button-secondary button-small"
            disabled={shown.page === 0}
            onClick={() => setPage(shown.page - 1)}
          >
            {t('sbom.previous')}
          </button>
          <span className="muted">
            {t('sbom.page', {
              page: format.number(shown.page + 1),
              pages: format.number(shown.pageCount),
            })}
          </span>
          <button
            type="button"
            className="button-secondary button-small"
            disabled={shown.page + 1 >= shown.pageCount}
            onClick={() => setPage(shown.page + 1)}
          >
            {t('sbom.next')}
          </button>
        </div>
      ) : null}
    </div>
  )
}
