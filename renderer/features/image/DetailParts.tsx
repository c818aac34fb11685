// Small pieces of the details panel: facts, annotations, history steps, equivalent commands.
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { EquivalentCommand } from '../../../shared/api'
import type { ObjectKind } from '../../../shared/oci/mediaTypes'
import type { Annotations } from '../../../shared/oci/types'
import { CopyButton } from '../../components/CopyButton'
import { DigestLink } from '../../components/DigestLink'
import type { DigestKind } from '../../components/digestRoute'
import { useFormat } from '../../i18n/useFormat'
import { commandNoteText } from './commandNoteText'

export function Fact({ name, children }: { readonly name: string; readonly children: ReactNode }) {
  return (
    <>
      <dt>{name}</dt>
      <dd>{children}</dd>
    </>
  )
}

/** The view a digest link opens for an object of this kind, if any. */
export function digestKindOf(kind: ObjectKind): DigestKind | undefined {
  switch (kind) {
    case 'index':
      return 'index'
    case 'manifest':
      return 'manifest'
    case 'config':
      return 'config'
    case 'layer':
      return 'layer'
    default:
      return undefined
  }
}

interface DigestFactProps {
  readonly digest: string
  /** With a kind and the image, the digest links to that object (a layer: to its files). */
  readonly kind?: DigestKind | undefined
  readonly imageRef?: string | undefined
  readonly platform?: string | undefined
}

/** One line: the short digest as a link, the whole one in its hover text and copy button. */
export function DigestFact({ digest, kind, imageRef, platform }: DigestFactProps) {
  const { t } = useTranslation('image')
  return (
    <Fact name={t('fact.digest')}>
      {kind && imageRef ? (
        <DigestLink
          digest={digest}
          kind={kind}
          imageRef={imageRef}
          testId="details-digest"
          {...(platform !== undefined ? { platform } : {})}
        />
      ) : (
        <>
          <span className="mono details-digest" title={digest} data-testid="details-digest">
            {digest}
          </span>{' '}
          <CopyButton text={digest} what={t('copy.digest')} />
        </>
      )}
    </Fact>
  )
}

/**
 * Break opportunities after dots, slashes, pluses and dashes, so an annotation key or a media
 * type never breaks mid-word.
 */
export function withBreaks(text: string): ReactNode[] {
  return text
    .split(/(?<=[./+-])/)
    .flatMap((part, i) => (i === 0 ? [part] : [<wbr key={i} />, part]))
}

export function SizeFact({ size }: { readonly size: number }) {
  const { t } = useTranslation('image')
  const format = useFormat()
  if (size < 0) {
    return (
      <Fact name={t('fact.size')}>
        <span className="muted">{t('fact.sizeNotListed')}</span>
      </Fact>
    )
  }
  return (
    <Fact name={t('fact.size')}>
      {format.size(size)}{' '}
      <span className="muted">{t('fact.bytes', { bytes: format.number(size) })}</span>
    </Fact>
  )
}

export function AnnotationsTable({
  annotations,
  title,
  hint,
}: {
  readonly annotations: Annotations | undefined
  readonly title?: string
  readonly hint?: string
}) {
  const { t } = useTranslation('image')
  const entries = Object.entries(annotations ?? {})
  if (entries.length === 0) return null
  return (
    <section className="details-section">
      <h3>{title ?? t('annotations.title')}</h3>
      {hint ? <p className="hint">{hint}</p> : null}
      <table className="annotations">
        <tbody>
          {entries.map(([key, value]) => (
            <tr key={key}>
              <th scope="row" className="mono">
                {withBreaks(key)}
              </th>
              <td className="break-all">{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}

export function CommandList({ commands }: { readonly commands: readonly EquivalentCommand[] }) {
  const { t } = useTranslation('image')
  if (commands.length === 0) return null
  return (
    <section className="details-section">
      <h3>{t('commands.title')}</h3>
      <ul className="commands">
        {commands.map((command) => (
          <li key={`${command.tool}:${command.command}`} className="command">
            <div className="command-head">
              <span className="badge">{command.tool}</span>
              <CopyButton
                text={command.command}
                what={t('commands.copyWhat', { tool: command.tool })}
              />
            </div>
            <code className="command-text">{command.command}</code>
            {command.note ? <p className="hint">{commandNoteText(command.note)}</p> : null}
          </li>
        ))}
      </ul>
    </section>
  )
}
