// The details of one graph node: what it is, where it is listed, and its content — the
// document for manifests, indexes and configs (a config with a readable summary first), the
// descriptor and build steps for layers and other blobs.
import { useTranslation } from 'react-i18next'
import type { GraphNode } from '../../../shared/api'
import { platformString } from '../../../shared/format'
import { digestRoute } from '../../components/digestRoute'
import { ErrorPanel } from '../../components/ErrorPanel'
import { attestationRoute, decodesAsAttestation } from './attestationLink'
import { Link } from '../../components/Link'
import { childAt, type GraphRelations } from './graphRelations'
import { edgeLabel } from './layout'
import { cardBadges } from './nodeText'
import { stepsForLayer, summarizeConfig, type HistoryRow } from './configSummary'
import { ConfigSummaryView } from './ConfigSummaryView'
import { DescriptorSection, parentShortName } from './DescriptorSection'
import { CommandList, DigestFact, digestKindOf, Fact, SizeFact, withBreaks } from './DetailParts'
import { JsonView } from './JsonView'
import { layerImage } from './layerImage'
import { nodeExplanation, nodeLabel } from './objectWords'
import { AnnotationsSections, ArtifactTypeFacts } from './OwnFields'
import { ReferrersSection } from './ReferrersSection'
import { Schema1Section } from './Schema1Section'

export interface NodeDetailsProps {
  readonly node: GraphNode
  /** The graph's source reference (for the referrers lookup). */
  readonly imageRef?: string
  readonly relations: GraphRelations
  readonly isInGraph: (digest: string) => boolean
  readonly onDigest: (digest: string, mediaType: string | undefined) => void
  readonly onSelectDigest: (digest: string) => void
}

/** The build steps behind a layer, read from the config of the first manifest listing it. */
function layerSteps(relations: GraphRelations, node: GraphNode): readonly HistoryRow[] {
  for (const edge of relations.incoming.get(node.id) ?? []) {
    if (edge.relation !== 'layer') continue
    const config = childAt(relations, edge.from, 'config')
    const summary = config?.document ? summarizeConfig(config.document) : undefined
    if (summary) return stepsForLayer(summary.history, edge.position)
  }
  return []
}

export function NodeDetails(props: NodeDetailsProps) {
  const { t } = useTranslation('image')
  const { node, relations, onSelectDigest } = props
  const badges = cardBadges(relations, node)
  const incoming = relations.incoming.get(node.id) ?? []
  const image =
    props.imageRef === undefined
      ? undefined
      : node.kind === 'layer'
        ? layerImage(relations, props.imageRef, node)
        : { imageRef: props.imageRef }
  return (
    <>
      <header className="details-header">
        <h2 className="details-title">{nodeLabel(node)}</h2>
        {badges.map((badge) => (
          <span key={badge.text} className={`badge node-tone-${badge.tone} kind-${node.kind}`}>
            {badge.text}
          </span>
        ))}
      </header>
      <p className="details-explanation">{nodeExplanation(node)}</p>
      {props.imageRef && decodesAsAttestation(node) ? (
        <p>
          <Link
            className="button-secondary button-small"
            to={attestationRoute(props.imageRef, node, relations)}
            testId="open-attestation"
          >
            {t('details.decode')}
          </Link>
        </p>
      ) : null}
      {node.unknownMediaType ? (
        <p className="warning" role="note">
          {node.document !== undefined
            ? t('details.unknownMediaTypeShown')
            : t('details.unknownMediaType')}
        </p>
      ) : null}
      <dl className="facts">
        <Fact name={t('fact.mediaType')}>
          <span className="mono wrap-words">{withBreaks(node.mediaType)}</span>
        </Fact>
        <DigestFact
          digest={node.digest}
          kind={node.kind === 'container' ? undefined : digestKindOf(node.kind)}
          imageRef={image?.imageRef}
          platform={image?.platform}
        />
        <SizeFact size={node.size} />
        {node.platform ? (
          <Fact name={t('fact.platform')}>{platformString(node.platform)}</Fact>
        ) : null}
        <ArtifactTypeFacts node={node} />
        {incoming.length > 0 ? (
          <Fact name={t('fact.listedBy', { count: incoming.length })}>
            <ul className="listed-by">
              {incoming.map((edge) => {
                const parent = relations.byId.get(edge.from)
                if (!parent) return null
                return (
                  <li key={`${edge.from}-${edge.relation}-${edge.position}`}>
                    <button
                      type="button"
                      className="link-button"
                      onClick={() => onSelectDigest(parent.digest)}
                    >
                      <span className="mono">{edgeLabel(edge, parent.kind)}</span>{' '}
                      {t('details.ofParent', { parent: parentShortName(relations, parent) })}
                    </button>
                  </li>
                )
              })}
            </ul>
          </Fact>
        ) : null}
      </dl>
      {node.kind === 'layer' && image ? (
        <LayerFilesLink digest={node.digest} imageRef={image.imageRef} platform={image.platform} />
      ) : null}
      {node.documentError ? <ErrorPanel compact error={node.documentError} /> : null}
      <AnnotationsSections node={node} />
      {props.imageRef && (node.kind === 'manifest' || node.kind === 'index') ? (
        <ReferrersSection
          imageRef={props.imageRef}
          digest={node.digest}
          isInGraph={props.isInGraph}
          onDigest={props.onDigest}
        />
      ) : null}
      <NodeContent {...props} />
      <CommandList commands={node.commands} />
    </>
  )
}

function NodeContent({ node, relations, isInGraph, onDigest, onSelectDigest }: NodeDetailsProps) {
  const { t } = useTranslation('image')
  if (node.document === undefined) {
    const steps = layerSteps(relations, node)
    const fallback = (node.history ?? []).map((createdBy, step) => ({
      step,
      createdBy,
      empty: false,
    }))
    return (
      <>
        <DescriptorSection
          node={node}
          relations={relations}
          isInGraph={isInGraph}
          onDigest={onDigest}
        />
        {steps.length > 0 || fallback.length > 0 ? (
          <LayerSteps rows={steps.length > 0 ? steps : fallback} />
        ) : null}
      </>
    )
  }
  const summary = node.kind === 'config' ? summarizeConfig(node.document) : undefined
  const manifest = (relations.incoming.get(node.id) ?? []).find((e) => e.relation === 'config')
  return (
    <>
      {summary ? (
        <ConfigSummaryView
          summary={summary}
          layerDigest={(position) =>
            manifest ? childAt(relations, manifest.from, 'layer', position)?.digest : undefined
          }
          onSelectDigest={onSelectDigest}
        />
      ) : null}
      {node.kind === 'schema1' ? (
        <Schema1Section document={node.document} onSelectDigest={onSelectDigest} />
      ) : null}
      <section className="details-section">
        <h3>{t('details.document')}</h3>
        <JsonView text={node.document} isInGraph={isInGraph} onDigest={onDigest} />
      </section>
    </>
  )
}

/** The steps that made a layer; the empty (settings-only) steps before it are shown dimmed. */
function LayerSteps({ rows }: { readonly rows: readonly HistoryRow[] }) {
  const { t } = useTranslation('image')
  return (
    <section className="details-section">
      <h3>{t('details.builtBy')}</h3>
      <p className="hint">{t('details.builtByHint')}</p>
      <ol className="history-steps">
        {rows.map((row) => (
          <li
            key={row.step}
            value={row.step + 1}
            className={row.empty ? 'mono history-empty' : 'mono'}
          >
            {row.createdBy ?? t('details.notRecorded')}
            {row.empty ? <span className="badge">{t('details.empty')}</span> : null}
          </li>
        ))}
      </ol>
    </section>
  )
}

/** Straight from a layer to its file tree, as oci.dag.dev does. */
function LayerFilesLink({
  digest,
  imageRef,
  platform,
}: {
  readonly digest: string
  readonly imageRef: string
  readonly platform: string | undefined
}) {
  const { t } = useTranslation('image')
  const route = digestRoute({
    digest,
    kind: 'layer',
    imageRef,
    ...(platform !== undefined ? { platform } : {}),
  })
  if (!route) return null
  return (
    <p className="layer-files">
      <Link to={route} className="button-secondary layer-files-link" testId="layer-files-link">
        {t('details.browseFiles')}
      </Link>
    </p>
  )
}
