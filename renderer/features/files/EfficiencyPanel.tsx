// Dive-style efficiency: the score, the bytes later layers overwrite or delete (per layer),
// the paths that waste the most and the largest files. Read only when the panel is opened.
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { formatBytes } from '../../../shared/format'
import type { FileSizeRow } from '../../../shared/api/files'
import { call } from '../../api/client'
import { queryKeys } from '../../api/queryKeys'
import { ErrorPanel } from '../../components/ErrorPanel'
import { Spinner } from '../../components/Spinner'

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
        Efficiency
        {data ? (
          <span className="efficiency-score" data-testid="efficiency-score">
            {' '}
            {(data.score * 100).toFixed(1)} %
          </span>
        ) : null}
      </summary>
      {efficiency.isPending && open ? <Spinner inline label="computing…" /> : null}
      {efficiency.isError ? (
        <ErrorPanel error={efficiency.error} compact onRetry={() => void efficiency.refetch()} />
      ) : null}
      {data ? (
        <div className="efficiency-body">
          <p>
            <strong>{formatBytes(data.wastedBytes)}</strong> wasted of{' '}
            {formatBytes(data.totalFileBytes)} in files: bytes that later layers overwrite or delete
            are still downloaded and stored.
          </p>
          <h4>Wasted per layer</h4>
          <ol className="efficiency-layers">
            {data.wastedByLayer.map((bytes, i) => (
              <li key={i}>
                <span className="efficiency-layer-name">Layer {i + 1}</span>
                <meter min={0} max={maxWasted} value={bytes} aria-label={`layer ${i + 1}`} />
                <span className="muted">{formatBytes(bytes)}</span>
              </li>
            ))}
          </ol>
          <SizeRows title="Most wasted paths" rows={data.wastedPaths} onOpen={onOpen} />
          <SizeRows title="Largest files" rows={data.largestFiles} onOpen={onOpen} />
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
              title={`Open /${row.path} as of layer ${row.layer + 1}`}
              onClick={() => onOpen(row.path, row.layer + 1)}
            >
              /{row.path}
            </button>
            <span className="muted">
              {formatBytes(row.size)} · L{row.layer + 1}
            </span>
          </li>
        ))}
      </ol>
    </>
  )
}
