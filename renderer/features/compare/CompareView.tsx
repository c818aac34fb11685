// Two images side by side (`view=compare&ref=A&with=B`, `&semantic=1` for a semantic compare):
// config diff, layer alignment, and on request the file-level diff of the merged filesystems,
// where a changed text file opens with both versions side by side.
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { CompareSide as Side, CompareWarning } from '../../../shared/api/compare'
import { platformString } from '../../../shared/format'
import { call } from '../../api/client'
import { queryKeys } from '../../api/queryKeys'
import { DigestLink } from '../../components/DigestLink'
import { ErrorPanel } from '../../components/ErrorPanel'
import { Link } from '../../components/Link'
import { EmptyState, LoadingBlock } from '../../components/Spinner'
import { ImageViewTabs } from '../../components/ImageViewTabs'
import { useNavigate } from '../../routing/navigation'
import type { Route } from '../../routing/route'
import '../../styles/compare.css'
import { OperationProgress } from '../../components/OperationProgress'
import { useOperationProgress } from '../../components/useOperationProgress'
import { CompareInputs } from './CompareInputs'
import { ConfigDiffView } from './ConfigDiffView'
import { FileChangesList } from './FileChangesList'
import { LayerAlignmentView } from './LayerAlignmentView'
import { SemanticVerdict } from './SemanticVerdict'
import { sourceKindText } from '../../components/sourceKindText'
import { SideBySide, type FileSide } from './SideBySide'
import { compareWarningText, isFileWarning } from './compareWarningText'

export function CompareView({ route }: { readonly route: Route }) {
  const { t } = useTranslation('compare')
  const navigate = useNavigate()
  const left = route.ref ?? ''
  const right = route.with?.[0] ?? ''
  // In the URL, so a link, a bookmark or a reload compares the same way.
  const semantic = route.semantic === '1'
  return (
    <section
      className="view compare-view"
      data-testid="compare-view"
      aria-labelledby="compare-title"
    >
      <header className="view-header">
        <h2 id="compare-title" className="view-title">
          {t('view.title')}
        </h2>
        {left ? <ImageViewTabs imageRef={left} current="compare" /> : null}
      </header>
      <CompareInputs
        key={`${left}\n${right}`}
        left={left}
        right={right}
        onCompare={(a, b) =>
          navigate(withSemantic({ view: 'compare', ref: a, with: [b] }, semantic))
        }
        semantic={semantic}
        onSemanticChange={(on) => navigate(withSemantic(route, on))}
      />
      {left && right ? (
        <Comparison
          key={`${left}\n${right}\n${String(semantic)}`}
          left={left}
          right={right}
          semantic={semantic}
        />
      ) : (
        <EmptyState title={t('view.pickTitle')}>{t('view.pickBody')}</EmptyState>
      )}
    </section>
  )
}

/** The route with the Semantic switch on (semantic=1) or off (no parameter). */
function withSemantic(route: Route, on: boolean): Route {
  const { semantic, ...rest } = route
  void semantic
  return on ? { ...rest, semantic: '1' } : rest
}

function fileSide(side: Side): FileSide {
  return side.platform
    ? { ref: side.ref, platform: platformString(side.platform) }
    : { ref: side.ref }
}

function Comparison({
  left,
  right,
  semantic,
}: {
  readonly left: string
  readonly right: string
  readonly semantic: boolean
}) {
  const { t } = useTranslation('compare')
  // Semantic compare reads the files anyway: one call answers everything.
  const [wantFiles, setWantFiles] = useState(semantic)
  const [openPath, setOpenPath] = useState<string | undefined>(undefined)
  const comparison = useQuery({
    queryKey: [...queryKeys.compare(left, right, semantic), semantic ? 'semantic' : 'exact'],
    queryFn: ({ signal }) =>
      call('compare:images', semantic ? { left, right, semantic: true } : { left, right }, signal),
    retry: false,
  })
  const files = useQuery({
    queryKey: queryKeys.compare(left, right, true),
    queryFn: ({ signal }) => call('compare:images', { left, right, files: true }, signal),
    enabled: wantFiles && !semantic,
    retry: false,
    staleTime: Infinity,
  })
  const progress = useOperationProgress(files.isFetching || (semantic && comparison.isFetching))
  if (comparison.isPending) {
    return semantic ? (
      <OperationProgress state={progress} fallback={t('view.readingLayers')} />
    ) : (
      <LoadingBlock label={t('view.readingImages')} />
    )
  }
  if (comparison.isError) {
    return <ErrorPanel error={comparison.error} onRetry={() => void comparison.refetch()} />
  }
  const data = comparison.data
  const fileData = semantic ? comparison : files
  return (
    <>
      <div className="compare-sides">
        <SideCard side={data.left} which="left" />
        <SideCard side={data.right} which="right" />
      </div>
      {data.identical ? (
        <p className="compare-identical" data-testid="compare-identical">
          {t('view.identical')}
        </p>
      ) : null}
      <SemanticVerdict comparison={data} />
      <CompareWarnings warnings={data.warnings} />
      <ConfigDiffView diff={data.config} />
      <LayerAlignmentView
        layers={data.layers}
        left={fileSide(data.left)}
        right={fileSide(data.right)}
      />
      <section className="compare-section compare-files">
        <h3>{t('view.files')}</h3>
        {!wantFiles ? (
          <>
            <p className="hint">{t('view.filesHint')}</p>
            <button
              type="button"
              className="button-primary"
              data-testid="compare-files-button"
              onClick={() => setWantFiles(true)}
            >
              {t('view.compareFiles')}
            </button>
          </>
        ) : fileData.isPending ? (
          <OperationProgress state={progress} fallback={t('view.readingLayers')} />
        ) : fileData.isError ? (
          <ErrorPanel compact error={fileData.error} onRetry={() => void fileData.refetch()} />
        ) : (
          <>
            {/* A semantic compare's file warnings are with the others, above. */}
            {semantic ? null : (
              <CompareWarnings warnings={fileData.data.warnings.filter(isFileWarning)} />
            )}
            <FileChangesList
              changes={fileData.data.files ?? []}
              openPath={openPath}
              onOpen={setOpenPath}
            />
          </>
        )}
        {openPath && fileData.data ? (
          <SideBySide
            path={openPath}
            left={fileSide(fileData.data.left)}
            right={fileSide(fileData.data.right)}
            onClose={() => setOpenPath(undefined)}
          />
        ) : null}
      </section>
    </>
  )
}

function CompareWarnings({ warnings }: { readonly warnings: readonly CompareWarning[] }) {
  const { t } = useTranslation('compare')
  return warnings.map((warning, i) => (
    <p key={i} className="warning" data-testid="compare-warning" data-kind={warning.kind}>
      {compareWarningText(warning, t)}
    </p>
  ))
}

function SideCard({ side, which }: { readonly side: Side; readonly which: 'left' | 'right' }) {
  const { t } = useTranslation('compare')
  return (
    <div className="compare-side" data-testid={`compare-side-${which}`}>
      <div className="muted">
        {[
          t(`side.${which}`),
          sourceKindText(side.ref, side.sourceLabel),
          ...(side.platform ? [platformString(side.platform)] : []),
        ].join(' · ')}
      </div>
      <Link className="mono break-all" to={{ view: 'graph', ref: side.ref }}>
        {side.ref}
      </Link>
      <div className="muted compare-side-digests">
        {t('side.manifest')}{' '}
        <DigestLink
          digest={side.manifestDigest}
          kind="manifest"
          imageRef={side.ref}
          testId={`compare-${which}-manifest`}
        />{' '}
        · {t('side.config')}{' '}
        <DigestLink
          digest={side.configDigest}
          kind="config"
          imageRef={side.ref}
          testId={`compare-${which}-config`}
        />
      </div>
    </div>
  )
}
