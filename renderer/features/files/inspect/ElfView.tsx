// An ELF file's summary: what it is, what it loads, its build ID and its sections by size.
import type { ElfSummary } from '../../../../shared/api'
import { formatBytes } from '../../../../shared/format'
import type { ReactNode } from 'react'
import { inspectText as t } from './inspectText'

export function ElfView({ elf }: { readonly elf: ElfSummary }) {
  const sections = [...elf.sections].filter((s) => s.name !== '' || s.size > 0)
  return (
    <div data-testid="inspect-elf">
      <table className="annotations">
        <tbody>
          <Row label={t.class}>
            {elf.class} · {elf.byteOrder}
          </Row>
          <Row label={t.type}>
            {elf.type}
            {elf.pie ? ` (${t.pie})` : ''}
          </Row>
          <Row label={t.machine}>{elf.machine}</Row>
          <Row label={t.entry}>{elf.entry}</Row>
          {elf.interpreter !== undefined ? (
            <Row label={t.interpreter}>{elf.interpreter}</Row>
          ) : null}
          <Row label={t.needed}>
            {elf.needed.length > 0 ? (
              <span data-testid="inspect-needed">{elf.needed.join(' · ')}</span>
            ) : (
              <span className="muted">{t.noNeeded}</span>
            )}
          </Row>
          {elf.soname !== undefined ? <Row label={t.soname}>{elf.soname}</Row> : null}
          {elf.runpath !== undefined ? <Row label={t.runpath}>{elf.runpath}</Row> : null}
          {elf.buildId !== undefined ? (
            <Row label={t.buildId}>
              <span data-testid="inspect-build-id">{elf.buildId}</span>
            </Row>
          ) : null}
          {elf.problems.length > 0 ? <Row label={t.problems}>{elf.problems.join('; ')}</Row> : null}
        </tbody>
      </table>
      {sections.length > 0 ? (
        <details>
          <summary>
            {t.sections} ({sections.length})
          </summary>
          <table className="annotations" aria-label={t.sections}>
            <thead>
              <tr>
                <th>{t.sectionName}</th>
                <th>{t.sectionType}</th>
                <th>{t.sectionSize}</th>
              </tr>
            </thead>
            <tbody>
              {sections.map((s, i) => (
                <tr key={i}>
                  <td className="mono">{s.name}</td>
                  <td className="mono">{s.type}</td>
                  <td>{formatBytes(s.size)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {elf.sectionsTruncated ? <p className="muted">{t.moreSections}</p> : null}
        </details>
      ) : null}
    </div>
  )
}

function Row({ label, children }: { readonly label: string; readonly children: ReactNode }) {
  return (
    <tr>
      <th scope="row">{label}</th>
      <td className="mono">{children}</td>
    </tr>
  )
}
