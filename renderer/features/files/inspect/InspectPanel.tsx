// Above the file's content: what an ELF file or a certificate file is, from files:inspect. Asked
// only when the first page (already read for the content view) looks like one of them.
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { ErrorPanel } from '../../../components/ErrorPanel'
import { Spinner } from '../../../components/Spinner'
import { readPageQuery, VIEW_PAGE_BYTES, type FileTarget } from '../fileReads'
import { CertificatesView } from './CertificatesView'
import { ElfView } from './ElfView'
import { isInspectable } from './inspectable'
import { inspectProblemText } from './inspectProblemText'
import { inspectQuery } from './inspectQuery'

export function InspectPanel({ target }: { readonly target: FileTarget }) {
  const { t } = useTranslation('files')
  const first = useQuery(readPageQuery(target, 0, VIEW_PAGE_BYTES))
  const wanted = first.data !== undefined && isInspectable(first.data.bytes)
  const inspection = useQuery(inspectQuery(target, wanted))
  if (!wanted) return null
  if (inspection.isPending) {
    return (
      <p className="muted" data-testid="inspect-loading">
        <Spinner inline label={t('inspect.loading')} />
      </p>
    )
  }
  if (inspection.isError) {
    return <ErrorPanel error={inspection.error} compact onRetry={() => void inspection.refetch()} />
  }
  const value = inspection.data
  if (value.kind === 'none') return null
  const title =
    value.kind === 'elf'
      ? t('inspect.elfTitle')
      : value.kind === 'certificates'
        ? t('inspect.certificatesTitle')
        : value.format === 'elf'
          ? t('inspect.malformedElf')
          : t('inspect.malformedPem')
  return (
    <details className="efficiency-panel" data-testid="inspect-panel" open>
      <summary>{title}</summary>
      <div className="efficiency-body">
        {value.kind === 'elf' ? <ElfView elf={value.elf} /> : null}
        {value.kind === 'certificates' ? (
          <CertificatesView pem={value.pem} now={Date.now()} />
        ) : null}
        {value.kind === 'malformed' ? (
          <p className="muted" data-testid="inspect-malformed">
            {value.problems.map(inspectProblemText).join('; ')}
          </p>
        ) : null}
      </div>
    </details>
  )
}
