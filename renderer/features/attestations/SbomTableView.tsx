// An SBOM's packages as a table: searched as you type (name, version, license, purl), shown a
// page of rows at a time so a 100,000-package SBOM stays responsive.
import { useId, useMemo, useState } from 'react'
import type { SbomTable } from '../../../shared/api/attestations'
import { filterPackages, pageOf } from './sbomRows'

export function SbomTableView({ sbom }: { readonly sbom: SbomTable }) {
  const searchId = useId()
  const [query, setQuery] = useState('')
  const [page, setPage] = useState(0)
  const matches = useMemo(() => filterPackages(sbom.packages, query), [sbom.packages, query])
  const shown = pageOf(matches, page)
  return (
    <div className="sbom-table" data-testid="sbom-table">
      <p className="muted">
        {sbom.format === 'spdx' ? 'SPDX' : 'CycloneDX'} {sbom.specVersion}
        {sbom.documentName !== undefined ? ` · ${sbom.documentName}` : ''} · {sbom.total} packages
        {sbom.packages.length < sbom.total ? ` (the first ${sbom.packages.length} are listed)` : ''}
      </p>
      <div className="sbom-search">
        <label htmlFor={searchId}>Search packages</label>
        <input
          id={searchId}
          type="search"
          data-testid="sbom-search"
          value={query}
          placeholder="name, version, license or purl"
          onChange={(event) => {
            setQuery(event.target.value)
            setPage(0)
          }}
        />
        <span className="muted" data-testid="sbom-count">
          {matches.length} of {sbom.packages.length}
        </span>
      </div>
      <table className="sbom-packages">
        <thead>
          <tr>
            <th>Name</th>
            <th>Version</th>
            <th>License</th>
            <th>purl</th>
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
            Previous
          </button>
          <span className="muted">
            Page {shown.page + 1} of {shown.pageCount}
          </span>
          <button
            type="button"
            className="button-secondary button-small"
            disabled={shown.page + 1 >= shown.pageCount}
            onClick={() => setPage(shown.page + 1)}
          >
            Next
          </button>
        </div>
      ) : null}
    </div>
  )
}
