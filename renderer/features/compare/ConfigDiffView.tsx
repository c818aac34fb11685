// The config diff: single values that differ (cmd, entrypoint, user, workdir, …), keyed
// entries (env, labels), sets (exposed ports, volumes) and the build history aligned row by row.
import type { ConfigDiff, KeyedDiff, SetDiff, ValueChange } from '../../../shared/api/compare'

function show(value: string | readonly string[] | undefined): string {
  if (value === undefined) return '(not set)'
  return typeof value === 'string' ? value || '""' : JSON.stringify(value)
}

const SCALARS: readonly { key: keyof ConfigDiff; label: string }[] = [
  { key: 'platform', label: 'platform' },
  { key: 'created', label: 'created' },
  { key: 'entrypoint', label: 'entrypoint' },
  { key: 'cmd', label: 'cmd' },
  { key: 'user', label: 'user' },
  { key: 'workdir', label: 'working dir' },
  { key: 'stopSignal', label: 'stop signal' },
]

export function ConfigDiffView({ diff }: { readonly diff: ConfigDiff }) {
  const scalars = SCALARS.flatMap(({ key, label }) => {
    const change = diff[key] as ValueChange<string | readonly string[]> | undefined
    return change ? [{ label, change }] : []
  })
  return (
    <section className="compare-section" data-testid="compare-config">
      <h3>Config</h3>
      <table className="diff-table">
        <thead>
          <tr>
            <th scope="col">Setting</th>
            <th scope="col">Left</th>
            <th scope="col">Right</th>
          </tr>
        </thead>
        <tbody>
          {scalars.length === 0 ? (
            <tr>
              <td colSpan={3} className="muted">
                Entrypoint, cmd, user, working dir and stop signal are the same.
              </td>
            </tr>
          ) : null}
          {scalars.map(({ label, change }) => (
            <tr key={label} className="diff-changed" data-testid="compare-setting" data-key={label}>
              <th scope="row">{label}</th>
              <td className="mono break-all diff-left">{show(change.left)}</td>
              <td className="mono break-all diff-right">{show(change.right)}</td>
            </tr>
          ))}
          <KeyedRows name="env" diff={diff.env} />
          <KeyedRows name="label" diff={diff.labels} />
          <SetRows name="exposed port" diff={diff.exposedPorts} />
          <SetRows name="volume" diff={diff.volumes} />
        </tbody>
      </table>
      <HistoryRows diff={diff} />
    </section>
  )
}

function KeyedRows({ name, diff }: { readonly name: string; readonly diff: KeyedDiff }) {
  return (
    <>
      {diff.changed.map((entry) => (
        <tr
          key={`${name}:${entry.key}`}
          className="diff-changed"
          data-testid="compare-keyed"
          data-status="changed"
        >
          <th scope="row">
            {name} <span className="mono">{entry.key}</span>
          </th>
          <td className="mono break-all diff-left">{entry.left}</td>
          <td className="mono break-all diff-right">{entry.right}</td>
        </tr>
      ))}
      {diff.removed.map((entry) => (
        <tr
          key={`${name}-:${entry.key}`}
          className="diff-removed"
          data-testid="compare-keyed"
          data-status="removed"
        >
          <th scope="row">
            {name} <span className="mono">{entry.key}</span>
          </th>
          <td className="mono break-all diff-left">{entry.value}</td>
          <td className="muted">(not set)</td>
        </tr>
      ))}
      {diff.added.map((entry) => (
        <tr
          key={`${name}+:${entry.key}`}
          className="diff-added"
          data-testid="compare-keyed"
          data-status="added"
        >
          <th scope="row">
            {name} <span className="mono">{entry.key}</span>
          </th>
          <td className="muted">(not set)</td>
          <td className="mono break-all diff-right">{entry.value}</td>
        </tr>
      ))}
      {diff.unchanged > 0 ? (
        <tr className="diff-same">
          <th scope="row">{name === 'env' ? 'env' : `${name}s`}</th>
          <td colSpan={2} className="muted">
            {diff.unchanged} more {diff.unchanged === 1 ? 'is' : 'are'} the same on both sides
          </td>
        </tr>
      ) : null}
    </>
  )
}

function SetRows({ name, diff }: { readonly name: string; readonly diff: SetDiff }) {
  if (diff.added.length + diff.removed.length + diff.unchanged.length === 0) return null
  return (
    <tr className={diff.added.length + diff.removed.length > 0 ? 'diff-changed' : 'diff-same'}>
      <th scope="row">{name}s</th>
      <td className="mono diff-left">
        {[...diff.removed.map((v) => `− ${v}`), ...diff.unchanged].join(', ') || '(none)'}
      </td>
      <td className="mono diff-right">
        {[...diff.added.map((v) => `+ ${v}`), ...diff.unchanged].join(', ') || '(none)'}
      </td>
    </tr>
  )
}

function HistoryRows({ diff }: { readonly diff: ConfigDiff }) {
  if (diff.history.length === 0) return null
  return (
    <>
      <h4>Build history</h4>
      <table className="diff-table history-diff">
        <thead>
          <tr>
            <th scope="col">Left</th>
            <th scope="col">Right</th>
          </tr>
        </thead>
        <tbody>
          {diff.history.map((row, index) => {
            const cls =
              row.status === 'same'
                ? 'diff-same'
                : row.status === 'only-left'
                  ? 'diff-removed'
                  : 'diff-added'
            const cell = (present: boolean, at: number | undefined) =>
              present ? (
                <td className="mono break-all">
                  <span className="muted">{(at ?? 0) + 1}.</span> {row.step}
                  {row.emptyLayer ? <span className="badge">empty</span> : null}
                </td>
              ) : (
                <td className="muted">—</td>
              )
            return (
              <tr
                key={index}
                className={cls}
                data-testid="compare-history-row"
                data-status={row.status}
              >
                {cell(row.status !== 'only-right', row.leftIndex)}
                {cell(row.status !== 'only-left', row.rightIndex)}
              </tr>
            )
          })}
        </tbody>
      </table>
    </>
  )
}
