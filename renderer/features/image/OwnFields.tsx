// A manifest's or index's own artifactType and annotations beside what the descriptor naming
// it says. They are often the same; when they differ (or the descriptor says nothing, as for
// the root, which a tag resolves to), the document's own fields are what it declares.
import { useTranslation } from 'react-i18next'
import type { GraphNode } from '../../../shared/api'
import type { Annotations } from '../../../shared/oci/types'
import { AnnotationsTable, Fact } from './DetailParts'

function sameAnnotations(a: Annotations | undefined, b: Annotations | undefined): boolean {
  const entries = (x: Annotations | undefined): string =>
    JSON.stringify(Object.entries(x ?? {}).sort(([k1], [k2]) => k1.localeCompare(k2)))
  return entries(a) === entries(b)
}

/** The artifact type facts: the document's, then the descriptor's when it differs. */
export function ArtifactTypeFacts({ node }: { readonly node: GraphNode }) {
  const { t } = useTranslation('image')
  const own = node.documentArtifactType
  const listed = node.artifactType !== own ? node.artifactType : undefined
  return (
    <>
      {own ? (
        <Fact name={t('fact.artifactType')}>
          <span className="mono break-all">{own}</span>
        </Fact>
      ) : null}
      {listed ? (
        <Fact name={own ? t('fact.artifactTypeListed') : t('fact.artifactType')}>
          <span className="mono break-all">{listed}</span>
        </Fact>
      ) : null}
    </>
  )
}

/** The document's own annotations, then the descriptor's when they differ. */
export function AnnotationsSections({ node }: { readonly node: GraphNode }) {
  const { t } = useTranslation('image')
  const own = node.documentAnnotations
  const listed = sameAnnotations(node.annotations, own) ? undefined : node.annotations
  const both = own !== undefined && listed !== undefined
  return (
    <>
      <AnnotationsTable annotations={own} {...(both ? { hint: t('annotations.ownHint') } : {})} />
      <AnnotationsTable
        annotations={listed}
        {...(own !== undefined
          ? {
              title: t('annotations.listedTitle'),
              hint: t('annotations.listedHint'),
            }
          : {})}
      />
    </>
  )
}
