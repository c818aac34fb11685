// An ELF file's summary: what it is, what it loads, its build ID and its sections by size.
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { ElfSummary } from '../../../../shared/api'
import { useFormat } from '../../../i18n/useFormat'
import { inspectProblemText } from './inspectProblemText'

export function ElfView({ elf }: { readonly elf: ElfSummary }) {
  const { t } = useTranslation('files')
  const format = useFormat()
  const sections = [...elf.sections].filter((s) => s.name !== '' || s.size > 0)
  return (
    <div data-testid="inspect-elf">
      <table className="annotations">
        <tbody>
          <Row label={t('inspect.class')}>
            {elf.class} ·{' '}
            {elf.byteOrder === 'little-endian' ? t('inspect.littleEndian') : t('inspect.bigEndian')}
          </Row>
          <Row label={t('inspect.type')}>
            {elf.type}
            {elf.pie ? ` (${t('inspect.pie')})` : ''}
          </Row>
          <Row label={t('inspect.machine')}>{elf.machine}</Row>
          <Row label={t('inspect.entry')}>{elf.entry}</Row>
          {elf.interpreter !== undefined ? (
            <Row label={t('inspect.interpreter')}>{elf.interpreter}</Row>
          ) : null}
          <Row label={t('inspect.needed')}>
            {elf.needed.length > 0 ? (
              <span data-testid="inspect-needed">{elf.needed.join(' · ')}</span>
            ) : (
              <span className="muted">{t('inspect.noNeeded')}</span>
            )}
          </Row>
          {elf.soname !== undefined ? <Row label={t('inspect.soname')}>{elf.soname}</Row> : null}
          {elf.runpath !== undefined ? <Row label={t('inspect.runpath')}>{elf.runpath}</Row> : null}
          {elf.buildId !== undefined ? (
            <Row label={t('inspect.buildId')}>
              <span data-testid="inspect-build-id">{elf.buildId}</span>
            </Row>
          ) : null}
          {elf.problems.length > 0 ? (
            <Row label={t('inspect.problems')}>
              {elf.problems.map(inspectProblemText).join('; ')}
            </Row>
          ) : null}
        </tbody>
      </table>
      {sections.length > 0 ? (
        <details>
          <summary>{t('inspect.sectionCount', { count: sections.length })}</summary>
          <table className="annotations" aria-label={t('inspect.sections')}>
            <thead>
              <tr>
                <th>{t('inspect.sectionName')}</th>
                <th>{t('inspect.sectionType')}</th>
                <th>{t('inspect.sectionSize')}</th>
              </tr>
            </thead>
            <tbody>
              {sections.map((s, i) => (
                <tr key={i}>
                  <td className="mono">{s.name}</td>
                  <td className="mono">{s.type}</td>
                  <td>{format.size(s.size)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {elf.sectionsTruncated ? <p className="muted">{t('inspect.moreSections')}</p> : null}
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
