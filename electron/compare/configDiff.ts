// The config half of a comparison: env and labels as key/value sets, cmd, entrypoint, user,
// workdir, exposed ports, volumes, and the history steps aligned (longest common subsequence),
// so an inserted RUN shows as one added row rather than every later row changed.

import type {
  ConfigDiff,
  HistoryRow,
  KeyedDiff,
  SetDiff,
  ValueChange,
} from '../../shared/api/compare'
import { platformString } from '../../shared/format'
import type { HistoryEntry, ImageConfig } from '../../shared/oci/types'
import { describeStep } from '../../shared/oci/history'

/** History longer than this on both sides is compared without alignment (row by row). */
const MAX_ALIGNED_CELLS = 4_000_000

/** semantic: creation times (the image's and each history step's) are not compared. */
export interface ConfigDiffOptions {
  readonly semantic?: boolean
}

export function diffConfigs(
  left: ImageConfig,
  right: ImageConfig,
  options: ConfigDiffOptions = {},
): ConfigDiff {
  const semantic = options.semantic === true
  const l = left.config ?? {}
  const r = right.config ?? {}
  return {
    env: diffKeyed(envMap(l.Env), envMap(r.Env)),
    labels: diffKeyed(labelMap(l.Labels), labelMap(r.Labels)),
    ...change('cmd', l.Cmd ?? undefined, r.Cmd ?? undefined, sameList),
    ...change('entrypoint', l.Entrypoint ?? undefined, r.Entrypoint ?? undefined, sameList),
    ...change('user', nonEmpty(l.User), nonEmpty(r.User), same),
    ...change('workdir', nonEmpty(l.WorkingDir), nonEmpty(r.WorkingDir), same),
    ...change('stopSignal', nonEmpty(l.StopSignal), nonEmpty(r.StopSignal), same),
    ...change('platform', platformOf(left), platformOf(right), same),
    ...(semantic ? {} : change('created', left.created, right.created, same)),
    exposedPorts: diffSets(Object.keys(l.ExposedPorts ?? {}), Object.keys(r.ExposedPorts ?? {})),
    volumes: diffSets(Object.keys(l.Volumes ?? {}), Object.keys(r.Volumes ?? {})),
    history: alignHistory(left.history ?? [], right.history ?? [], !semantic),
  }
}

/** "KEY=value" entries by key; an entry without "=" is a key with an empty value. */
export function envMap(env: readonly string[] | undefined): Map<string, string> {
  const map = new Map<string, string>()
  for (const entry of env ?? []) {
    const eq = entry.indexOf('=')
    if (eq < 0) map.set(entry, '')
    else map.set(entry.slice(0, eq), entry.slice(eq + 1))
  }
  return map
}

export function diffKeyed(
  left: ReadonlyMap<string, string>,
  right: ReadonlyMap<string, string>,
): KeyedDiff {
  const added: { key: string; value: string }[] = []
  const removed: { key: string; value: string }[] = []
  const changed: { key: string; left: string; right: string }[] = []
  let unchanged = 0
  for (const [key, value] of left) {
    const other = right.get(key)
    if (other === undefined) removed.push({ key, value })
    else if (other !== value) changed.push({ key, left: value, right: other })
    else unchanged += 1
  }
  for (const [key, value] of right) if (!left.has(key)) added.push({ key, value })
  const byKey = (a: { key: string }, b: { key: string }): number => cmp(a.key, b.key)
  return {
    added: added.sort(byKey),
    removed: removed.sort(byKey),
    changed: changed.sort(byKey),
    unchanged,
  }
}

export function diffSets(left: readonly string[], right: readonly string[]): SetDiff {
  const l = new Set(left)
  const r = new Set(right)
  return {
    added: [...r].filter((x) => !l.has(x)).sort(cmp),
    removed: [...l].filter((x) => !r.has(x)).sort(cmp),
    unchanged: [...l].filter((x) => r.has(x)).sort(cmp),
  }
}

export function alignHistory(
  leftEntries: readonly HistoryEntry[],
  rightEntries: readonly HistoryEntry[],
  withTimes = false,
): HistoryRow[] {
  const a = leftEntries.map(stepOf)
  const b = rightEntries.map(stepOf)
  const keyA = a.map(rowKey)
  const keyB = b.map(rowKey)
  const n = a.length
  const m = b.length
  // lcs[i][j]: length of the longest common subsequence of a[i..] and b[j..].
  const aligned = (n + 1) * (m + 1) <= MAX_ALIGNED_CELLS
  const lcs = aligned ? Array.from({ length: n + 1 }, () => new Uint32Array(m + 1)) : []
  for (let i = n - 1; aligned && i >= 0; i -= 1) {
    const row = lcs[i] as Uint32Array
    const below = lcs[i + 1] as Uint32Array
    for (let j = m - 1; j >= 0; j -= 1) {
      row[j] =
        keyA[i] === keyB[j] ? (below[j + 1] ?? 0) + 1 : Math.max(below[j] ?? 0, row[j + 1] ?? 0)
    }
  }
  const rows: HistoryRow[] = []
  let i = 0
  let j = 0
  while (i < n || j < m) {
    const left = a[i]
    const right = b[j]
    if (left !== undefined && right !== undefined && keyA[i] === keyB[j]) {
      // Exact compare: the same step run at another time says so.
      const times = withTimes ? timeChange(leftEntries[i], rightEntries[j]) : {}
      rows.push({ status: 'same', ...left, leftIndex: i, rightIndex: j, ...times })
      i += 1
      j += 1
    } else if (
      left !== undefined &&
      (right === undefined || (aligned && (lcs[i + 1]?.[j] ?? 0) >= (lcs[i]?.[j + 1] ?? 0)))
    ) {
      rows.push({ status: 'only-left', ...left, leftIndex: i })
      i += 1
    } else if (right !== undefined) {
      rows.push({ status: 'only-right', ...right, rightIndex: j })
      j += 1
    } else if (left !== undefined) {
      rows.push({ status: 'only-left', ...left, leftIndex: i })
      i += 1
    }
  }
  return rows
}

function stepOf(entry: HistoryEntry): { step: string; emptyLayer: boolean } {
  return { step: describeStep(entry), emptyLayer: entry.empty_layer === true }
}

function timeChange(
  left: HistoryEntry | undefined,
  right: HistoryEntry | undefined,
): { created?: ValueChange<string> } {
  if (left?.created === right?.created) return {}
  return {
    created: {
      ...(left?.created !== undefined ? { left: left.created } : {}),
      ...(right?.created !== undefined ? { right: right.created } : {}),
    },
  }
}

function rowKey(row: { step: string; emptyLayer: boolean }): string {
  return `${row.emptyLayer ? 'e' : 'l'}${row.step}`
}

function change<K extends string, T>(
  key: K,
  left: T | undefined,
  right: T | undefined,
  equal: (a: T, b: T) => boolean,
): { [P in K]?: ValueChange<T> } {
  if (left === undefined && right === undefined) return {}
  if (left !== undefined && right !== undefined && equal(left, right)) return {}
  const value: ValueChange<T> = {
    ...(left !== undefined ? { left } : {}),
    ...(right !== undefined ? { right } : {}),
  }
  return { [key]: value } as { [P in K]?: ValueChange<T> }
}

function labelMap(
  labels: Readonly<Record<string, string>> | null | undefined,
): Map<string, string> {
  return new Map(Object.entries(labels ?? {}))
}

function platformOf(config: ImageConfig): string {
  return platformString({
    os: config.os,
    architecture: config.architecture,
    ...(config.variant !== undefined ? { variant: config.variant } : {}),
  })
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value
}

function same<T>(a: T, b: T): boolean {
  return a === b
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i])
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
