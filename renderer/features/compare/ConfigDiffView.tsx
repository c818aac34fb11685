// The config diff: single values that differ (cmd, entrypoint, user, workdir, …), keyed
// entries (env, labels), sets (exposed ports, volumes) and the build history aligned row by row.
import { useTranslation } from 'react-i18next'
import type { ConfigDiff, KeyedDiff, SetDiff, ValueChange } from '../../../shared/api/compare'

/** The single-valued settings compared, by their ConfigDiff key (the row's data-key). */
const SCALARS = [
  'platform',
  'created',
  'entrypoint',
  'cmd',
  'user',
  'workdir',
  'stopSignal',
] as const satisfies readonly (keyof ConfigDiff)[]

const HISTORY_ROW_CLASS: Readonly<Record<ConfigDiff['history'][number]['status'], string>> = {
  same: 'diff-same',
  'only-left': 'diff-removed',
  'only-right': 'diff-added',
}

export function ConfigDiffView({ diff }: { readonly diff: ConfigDiff }) {
  const { t } = useTranslation('compare')
  const show = (value: string | readonly string[] | undefined): string => {
    if (value === undefined) return t('config.notSet')
    return typeof value === 'string' ? value || '""' : JSON.stringify(value)
  }
  const scalars = SCALARS.flatMap((key) => {
    const change = diff[key] as ValueChange<string | readonly string[]> | undefined
    return change ? [{ key, change }] : []
  })
  return (
    <section className="compare-section" data-testid="compare-config">
      <h3>{t('config.title')}</h3>
      <table className="diff-table">
        <thead>
          <tr>
            <th scope="col">{t('config.setting')}</th>
            <th scope="col">{t('config.left')}</th>
            <th scope="col">{t('config.right')}</th>
          </tr>
        </thead>
        <tbody>
          {scalars.length === 0 ? (
            <tr>
              <td colSpan={3} className="muted">
                {t('config.allSame')}
              </td>
            </tr>
          ) : null}
          {scalars.map(({ key, change }) => (
            <tr key={key} className="diff-changed" data-testid="compare-setting" data-key={key}>
              <th scope="row">{t(`setting.${key}`)}</th>
              <td className="mono break-all diff-left">{show(change.left)}</td>
              <td className="mono break-all diff-right">{show(change.right)}</td>
            </tr>
          ))}
          <KeyedRows name="env" diff={diff.env} />
          <KeyedRows name="label" diff={diff.labels} />
          <SetRows name="exposedPorts" diff={diff.exposedPorts} />
          <SetRows name="volumes" diff={diff.volumes} />
        </tbody>
      </table>
      <HistoryRows diff={diff} />
    </section>
  )
}

function KeyedRows({ name, diff }: { readonly name: 'env' | 'label'; readonly diff: KeyedDiff }) {
  const { t } = useTranslation('compare')
  const word = t(`setting.${name}`)
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
            {word} <span className="mono">{entry.key}</span>
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
            {word} <span className="mono">{entry.key}</span>
          </th>
          <td className="mono break-all diff-left">{entry.value}</td>
          <td className="muted">{t('config.notSet')}</td>
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
            {word} <span className="mono">{entry.key}</span>
          </th>
          <td className="muted">{t('config.notSet')}</td>
          <td className="mono break-all diff-right">{entry.value}</td>
        </tr>
      ))}
      {diff.unchanged > 0 ? (
        <tr className="diff-same">
          <th scope="row">{name === 'env' ? t('setting.envs') : t('setting.labels')}</th>
          <td colSpan={2} className="muted">
            {t('config.moreSame', { count: diff.unchanged })}
          </td>
        </tr>
      ) : null}
    </>
  )
}

function SetRows({
  name,
  diff,
}: {
  readonly name: 'exposedPorts' | 'volumes'
  readonly diff: SetDiff
}) {
  const { t } = useTranslation('compare')
  if (diff.added.length + diff.removed.length + diff.unchanged.length === 0) return null
  return (
    <tr className={diff.added.length + diff.removed.length > 0 ? 'diff-changed' : 'diff-same'}>
      <th scope="row">{t(`setting.${name}`)}</th>
      <td className="mono diff-left">
        {[...diff.removed.map((v) => `− ${v}`), ...diff.unchanged].join(', ') || t('config.none')}
      </td>
      <td className="mono diff-right">
        {[...diff.added.map((v) => `+ ${v}`), ...diff.unchanged].join(', ') || t('config.none')}
      </td>
    </tr>
  )
}

function HistoryRows({ diff }: { readonly diff: ConfigDiff }) {
  const { t } = useTranslation('compare')
  if (diff.history.length === 0) return null
  return (
    <>
      <h4>{t('config.history')}</h4>
      <table className="diff-table history-diff">
        <thead>
          <tr>
            <th scope="col">{t('config.left')}</th>
            <th scope="col">{t('config.right')}</th>
          </tr>
        </thead>
        <tbody>
          {diff.history.map((row, index) => {
            const cls = HISTORY_ROW_CLASS[row.status]
            const cell = (present: boolean, at: number | undefined) =>
              present ? (
                <td className="mono break-all">
                  <span className="muted">{(at ?? 0) + 1}.</span> {row.step}
                  {row.emptyLayer ? <span className="badge">{t('config.emptyLayer')}</span> : null}
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
