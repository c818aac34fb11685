// Small pieces of the details panel: facts, annotations, history steps, equivalent commands.
import type { ReactNode } from 'react'
import type { EquivalentCommand } from '../../../shared/api'
import { formatBytes } from '../../../shared/format'
import type { Annotations } from '../../../shared/oci/types'
import { CopyButton } from '../../components/CopyButton'

export function Fact({ name, children }: { readonly name: string; readonly children: ReactNode }) {
  return (
    <>
      <dt>{name}</dt>
      <dd>{children}</dd>
    </>
  )
}

export function DigestFact({ digest }: { readonly digest: string }) {
  return (
    <Fact name="digest">
      <span className="mono break-all">{digest}</span> <CopyButton text={digest} what="digest" />
    </Fact>
  )
}

export function SizeFact({ size }: { readonly size: number }) {
  if (size < 0) {
    return (
      <Fact name="size">
        <span className="muted">not listed (schema 1 records no layer sizes)</span>
      </Fact>
    )
  }
  return (
    <Fact name="size">
      {formatBytes(size)} <span className="muted">({size.toLocaleString()} bytes)</span>
    </Fact>
  )
}

export function AnnotationsTable({
  annotations,
  title = 'Annotations',
  hint,
}: {
  readonly annotations: Annotations | undefined
  readonly title?: string
  readonly hint?: string
}) {
  const entries = Object.entries(annotations ?? {})
  if (entries.length === 0) return null
  return (
    <section className="details-section">
      <h3>{title}</h3>
      {hint ? <p className="hint">{hint}</p> : null}
      <table className="annotations">
        <tbody>
          {entries.map(([key, value]) => (
            <tr key={key}>
              <th scope="row" className="mono">
                {key}
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
  if (commands.length === 0) return null
  return (
    <section className="details-section">
      <h3>Do it yourself</h3>
      <ul className="commands">
        {commands.map((command) => (
          <li key={`${command.tool}:${command.command}`} className="command">
            <div className="command-head">
              <span className="badge">{command.tool}</span>
              <CopyButton text={command.command} what={`${command.tool} command`} />
            </div>
            <code className="command-text">{command.command}</code>
            {command.note ? <p className="hint">{command.note}</p> : null}
          </li>
        ))}
      </ul>
    </section>
  )
}
