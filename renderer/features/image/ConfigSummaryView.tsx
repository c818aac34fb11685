// Above a config's JSON: how a container from this image starts, and the build history with
// each step tied to its layer (a button that selects it) or marked as an empty step.
import { useTranslation } from 'react-i18next'
import type { ConfigSummary, HistoryRow } from './configSummary'
import { commandLine } from './configSummary'
import { Fact } from './DetailParts'

interface ConfigSummaryViewProps {
  readonly summary: ConfigSummary
  /** The digest of layers[position] in the manifest that names this config, when known. */
  readonly layerDigest: (position: number) => string | undefined
  readonly onSelectDigest: (digest: string) => void
}

function Unset({ text }: { readonly text: string }) {
  return <span className="muted">{text}</span>
}

function Command({ args }: { readonly args: readonly string[] | undefined }) {
  const { t } = useTranslation('image')
  if (!args || args.length === 0) return <Unset text={t('config.unsetNone')} />
  return <code className="mono break-all">{commandLine(args)}</code>
}

export function ConfigSummaryView({
  summary,
  layerDigest,
  onSelectDigest,
}: ConfigSummaryViewProps) {
  const { t } = useTranslation('image')
  return (
    <>
      <section className="details-section" aria-label={t('config.starts')}>
        <h3>{t('config.starts')}</h3>
        <dl className="facts config-facts">
          {summary.platform ? <Fact name={t('fact.platform')}>{summary.platform}</Fact> : null}
          <Fact name="Entrypoint">
            <Command args={summary.entrypoint} />
          </Fact>
          <Fact name="Cmd">
            <Command args={summary.cmd} />
          </Fact>
          <Fact name="User">
            {summary.user ? (
              <code className="mono">{summary.user}</code>
            ) : (
              <Unset text={t('config.unsetUser')} />
            )}
          </Fact>
          <Fact name="WorkingDir">
            {summary.workingDir ? (
              <code className="mono">{summary.workingDir}</code>
            ) : (
              <Unset text={t('config.unsetWorkingDir')} />
            )}
          </Fact>
          {summary.exposedPorts.length > 0 ? (
            <Fact name="ExposedPorts">
              {summary.exposedPorts.map((port) => (
                <span key={port} className="chip mono">
                  {port}
                </span>
              ))}
            </Fact>
          ) : null}
          {summary.volumes.length > 0 ? (
            <Fact name="Volumes">
              {summary.volumes.map((volume) => (
                <span key={volume} className="chip mono">
                  {volume}
                </span>
              ))}
            </Fact>
          ) : null}
          {summary.stopSignal ? <Fact name="StopSignal">{summary.stopSignal}</Fact> : null}
          <Fact name="Env">
            {summary.env.length === 0 ? (
              <Unset text={t('config.unsetEnv')} />
            ) : (
              <ul className="env-list">
                {summary.env.map((line, i) => {
                  const eq = line.indexOf('=')
                  return (
                    <li key={i} className="mono break-all">
                      <span className="env-key">{eq < 0 ? line : line.slice(0, eq)}</span>
                      {eq < 0 ? null : `=${line.slice(eq + 1)}`}
                    </li>
                  )
                })}
              </ul>
            )}
          </Fact>
        </dl>
        {summary.labels.length > 0 ? (
          <table className="annotations" aria-label={t('config.labels')}>
            <caption className="table-caption">{t('config.labels')}</caption>
            <tbody>
              {summary.labels.map(([key, value]) => (
                <tr key={key}>
                  <th scope="row" className="mono">
                    {key}
                  </th>
                  <td className="break-all">{value}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </section>
      {summary.history.length > 0 ? (
        <HistoryTable rows={summary.history} layerDigest={layerDigest} onSelect={onSelectDigest} />
      ) : null}
    </>
  )
}

function HistoryTable({
  rows,
  layerDigest,
  onSelect,
}: {
  readonly rows: readonly HistoryRow[]
  readonly layerDigest: (position: number) => string | undefined
  readonly onSelect: (digest: string) => void
}) {
  const { t } = useTranslation('image')
  return (
    <section className="details-section">
      <h3>{t('config.history')}</h3>
      <p className="hint">{t('config.historyHint')}</p>
      <table className="history-table">
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">{t('config.step')}</th>
            <th scope="col">{t('config.layer')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const digest = row.layer === undefined ? undefined : layerDigest(row.layer)
            return (
              <tr key={row.step} className={row.empty ? 'history-empty' : undefined}>
                <td className="history-step">{row.step + 1}</td>
                <td>
                  <code className="mono history-command">
                    {row.createdBy ?? t('details.notRecorded')}
                  </code>
                  {row.comment ? <div className="hint">{row.comment}</div> : null}
                </td>
                <td className="history-layer">
                  {row.layer === undefined ? (
                    <span className="badge">{t('details.empty')}</span>
                  ) : digest ? (
                    <button type="button" className="link-button" onClick={() => onSelect(digest)}>
                      {t('config.layerN', { n: row.layer + 1 })}
                    </button>
                  ) : (
                    t('config.layerN', { n: row.layer + 1 })
                  )}
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </section>
  )
}
