// A digest as a link to the object it names: short on screen (algorithm + 12 hex digits), the
// whole digest in the hover text and the copy button. Manifests and indexes open in the graph,
// configs selected in their image's graph, layers in the Files view (see digestRoute).
import { useTranslation } from 'react-i18next'
import { CopyButton } from './CopyButton'
import { Link } from './Link'
import { digestRoute, shortDigestText, type DigestKind } from './digestRoute'

interface DigestLinkProps {
  readonly digest: string
  readonly kind: DigestKind
  /** The image (any source reference) the object belongs to. */
  readonly imageRef: string
  /** For a layer of an index's platform image: which platform ("linux/arm64"). */
  readonly platform?: string
  /** Show a copy button for the whole digest beside the link (default true). */
  readonly copy?: boolean
  readonly className?: string
  readonly testId?: string
}

export function DigestLink({
  digest,
  kind,
  imageRef,
  platform,
  copy = true,
  className,
  testId,
}: DigestLinkProps) {
  const { t } = useTranslation('common')
  const route = digestRoute({
    digest,
    kind,
    imageRef,
    ...(platform !== undefined ? { platform } : {}),
  })
  const text = shortDigestText(digest)
  const classes = `digest-link mono ${className ?? ''}`.trim()
  return (
    // Inside a clickable row the link and the copy button do their own thing, not the row's.
    <span className="digest-link-wrap" onClick={(event) => event.stopPropagation()}>
      {route ? (
        <Link
          to={route}
          className={classes}
          title={[t(`digest.open.${kind}`), digest].join('\n')}
          testId={testId}
        >
          {text}
        </Link>
      ) : (
        <span className={classes} title={digest} data-testid={testId}>
          {text}
        </span>
      )}
      {copy ? <CopyButton text={digest} what={t(`digest.what.${kind}`)} /> : null}
    </span>
  )
}
