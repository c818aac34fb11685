// What an image config says, in the words a teacher reads out: how the container starts
// (Entrypoint, Cmd, User, WorkingDir, Env, ports, labels) and the build history, with each
// step tied to the layer it produced or marked empty. Pure, so it is unit-tested.
import { parseDocument } from './jsonLines'

export interface HistoryRow {
  /** 0-based position in `history`. */
  readonly step: number
  readonly created?: string
  readonly createdBy?: string
  readonly comment?: string
  /** Metadata-only steps (ENV, CMD, LABEL …) that made no layer. */
  readonly empty: boolean
  /** The layer position (in the manifest's `layers`) this step produced. */
  readonly layer?: number
}

export interface ConfigSummary {
  readonly platform?: string
  readonly created?: string
  readonly entrypoint?: readonly string[]
  readonly cmd?: readonly string[]
  readonly user?: string
  readonly workingDir?: string
  readonly env: readonly string[]
  readonly exposedPorts: readonly string[]
  readonly volumes: readonly string[]
  readonly labels: readonly (readonly [string, string])[]
  readonly stopSignal?: string
  readonly history: readonly HistoryRow[]
}

type Json = Readonly<Record<string, unknown>>

function record(value: unknown): Json | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Json)
    : undefined
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined
}

function strings(value: unknown): readonly string[] | undefined {
  if (!Array.isArray(value)) return undefined
  return (value as readonly unknown[]).filter((v): v is string => typeof v === 'string')
}

function keys(value: unknown): readonly string[] {
  return Object.keys(record(value) ?? {})
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V }
}

/** History entries with the layer each non-empty one produced, counted from the bottom. */
export function historyRows(history: unknown): readonly HistoryRow[] {
  if (!Array.isArray(history)) return []
  let layer = 0
  return (history as readonly unknown[]).map((item, step) => {
    const entry = record(item) ?? {}
    const empty = entry['empty_layer'] === true
    return {
      step,
      empty,
      ...optional('created', text(entry['created'])),
      ...optional('createdBy', text(entry['created_by'])),
      ...optional('comment', text(entry['comment'])),
      ...optional('layer', empty ? undefined : layer++),
    }
  })
}

/** The steps that led to one layer: the empty steps since the previous layer, then its own. */
export function stepsForLayer(
  rows: readonly HistoryRow[],
  position: number,
): readonly HistoryRow[] {
  const own = rows.findIndex((r) => r.layer === position)
  if (own < 0) return []
  let start = own
  while (start > 0 && rows[start - 1]?.empty) start--
  return rows.slice(start, own + 1)
}

/** Undefined when the text is not a JSON object (the raw document is still shown). */
export function summarizeConfig(documentText: string): ConfigSummary | undefined {
  const parsed = parseDocument(documentText)
  const config = record(parsed?.value)
  if (!config) return undefined
  const runtime = record(config['config']) ?? {}
  const platform = [text(config['os']), text(config['architecture']), text(config['variant'])]
    .filter((part) => part !== undefined)
    .join('/')
  const labels = Object.entries(record(runtime['Labels']) ?? {}).flatMap(([key, value]) =>
    typeof value === 'string' ? [[key, value] as const] : [],
  )
  return {
    ...optional('platform', platform || undefined),
    ...optional('created', text(config['created'])),
    ...optional('entrypoint', strings(runtime['Entrypoint'])),
    ...optional('cmd', strings(runtime['Cmd'])),
    ...optional('user', text(runtime['User'])),
    ...optional('workingDir', text(runtime['WorkingDir'])),
    ...optional('stopSignal', text(runtime['StopSignal'])),
    env: strings(runtime['Env']) ?? [],
    exposedPorts: keys(runtime['ExposedPorts']),
    volumes: keys(runtime['Volumes']),
    labels,
    history: historyRows(config['history']),
  }
}

/** A command line as a shell would show it: ["sh", "-c", "echo hi"] → sh -c 'echo hi'. */
export function commandLine(args: readonly string[]): string {
  return args
    .map((arg) => (/^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`))
    .join(' ')
}
