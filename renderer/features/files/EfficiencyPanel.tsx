// Dive-style efficiency: the score, the bytes later layers overwrite or delete (per layer),
// the paths that waste the most and the largest files. Read only when the panel is opened.
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { FileSizeRow } from '../../../shared/api/files'
import { call } from '../../api/client'
import { queryKeys } from '../../api/queryKeys'
import { ErrorPanel } from '../../components/ErrorPanel'
import { Spinner } from '../../components/Spinner'
import { useFormat } from '../../i18n/useFormat'

const SHOWN_ROWS = 15

export function EfficiencyPanel({
  imageRef,
  platform,
  onOpen,
}: {
  readonly imageRef: string
  readonly platform: string | undefined
  readonly onOpen: (path: string, layer: number) => void
}) {
  const { t } = useTranslation('files')
  const format = useFormat()
  const [open, setOpen] = useState(false)
  const efficiency = useQuery({
    queryKey: [...queryKeys.efficiency(imageRef), platform ?? ''],
    queryFn: () =>
      call('image:efficiency', {
        ref: imageRef,
        ...(platform !== undefined ? { platform } : {}),
      }),
    enabled: open,
    staleTime: Infinity,
  })
  const data = efficiency.data
  const maxWasted = Math.max(1, ...(data?.wastedByLayer ?? []))
  return (
    <details
      className="efficiency-panel"
      data-testid="efficiency-panel"
      onToggle={(event) => setOpen(event.currentTarget.open)}
    >
      <summary>
        {t('efficiency.title')}
        {data ? (
          <span className="efficiency-score" data-testid="efficiency-score">
            {' '}
            {format.percent(data.score)}
          </span>
        ) : null}
      </summary>
      {efficiency.isPending && open ? <Spinner inline label={t('efficiency.computing')} /> : null}
      {efficiency.isError ? (
        <ErrorPanel error={efficiency.error} compact onRetry={() => void efficiency.refetch()} />
      ) : null}
      {data ? (
        <div className="efficiency-body">
          <p>
            <strong>
              {t('efficiency.wasted', {
                wasted: format.size(data.wastedBytes),
                total: format.size(data.totalFileBytes),
              })}
            </strong>{' '}
            {t('efficiency.why')}
          </p>
          <h4>{t('efficiency.perLayer')}</h4>
          <ol className="efficiency-layers">
            {data.wastedByLayer.map((bytes, i) => (
              <li key={i}>
                <span className="efficiency-layer-name">{t('efficiency.layer', { n: i + 1 })}</span>
                <meter
                  min={0}
                  max={maxWasted}
                  value={bytes}
                  aria-label={t('efficiency.layer', { n: i + 1 })}
                />
                <span className="muted">{format.size(bytes)}</span>
              </li>
            ))}
          </ol>
          <SizeRows title={t('efficiency.mostWasted')} rows={data.wastedPaths} onOpen={onOpen} />
          <SizeRows title={t('efficiency.largest')} rows={data.largestFiles} onOpen={onOpen} />
        </div>
      ) : null}
    </details>
  )
}

function SizeRows({
  title,
  rows,
  onOpen,
}: {
  readonly title: string
  readonly rows: readonly FileSizeRow[]
  readonly onOpen: (path: string, layer: number) => void
}) {
  const { t } = useTranslation('files')
  const format = useFormat()
  if (rows.length === 0) return null
  return (
    <>
      <h4>{title}</h4>
      <ol className="efficiency-rows">
        {rows.slice(0, SHOWN_ROWS).map((row) => (
          <li key={`${row.path}:${row.layer}`}>
            <button
              type="button"
              className="link-button mono"
              title={t('efficiency.openAsOf', { path: row.path, n: row.layer + 1 })}
              onClick={() => onOpen(row.path, row.layer + 1)}
            >
              /{row.path}
            </button>
            <span className="muted">
              {format.size(row.size)} · {t('tree.layerShort', { n: row.layer + 1 })}
            </span>
          </li>
        ))}
      </ol>
    </>
  )
}
