// The last resort: whatever a registry, a layer or a local path sends, no operation ends the
// process. Code is meant to catch its own failures; this guard is for the ones it misses (an
// 'error' event nobody listened to, a promise nobody awaited). It logs one line (secrets
// redacted), fails the operation the failure happened in with INTERNAL naming it, and lets
// the server or the window keep going. Both entries install it: electron/serve.ts (web mode)
// and electron/main.ts (desktop).
//
// Which operation? Every guarded call runs inside an AsyncLocalStorage scope; Node hands the
// 'uncaughtException' / 'unhandledRejection' listener the scope of the callback that failed,
// so the failure is pinned on the call that started that work, when it is still running.

import { AsyncLocalStorage } from 'node:async_hooks'
import { StrataError } from '../../shared/errors'
import type { DownloadProvider } from '../files/downloads'
import type { HandlerContext, HandlerTable } from '../api/handlerTable'

interface RunningOperation {
  readonly name: string
  settled: boolean
  fail(error: StrataError): void
}

const scope = new AsyncLocalStorage<RunningOperation>()

/** The slice of `process` the guard listens on (a stand-in in unit tests). */
export interface ProcessEvents {
  on(event: 'uncaughtException' | 'unhandledRejection', listener: (error: unknown) => void): unknown
  off(
    event: 'uncaughtException' | 'unhandledRejection',
    listener: (error: unknown) => void,
  ): unknown
}

export interface GuardOptions {
  readonly events?: ProcessEvents
  /** Where the one log line goes (default: stderr). */
  readonly log?: (line: string) => void
}

/** Installs the guard; returns a function that removes it. */
export function installLastResortGuard(options: GuardOptions = {}): () => void {
  const events = options.events ?? process
  const log = options.log ?? ((line: string) => console.error(line))
  const onFailure = (kind: string) => (error: unknown) => {
    const operation = scope.getStore()
    const running = operation !== undefined && !operation.settled ? operation : undefined
    const where = running ? `in ${running.name}` : 'outside any operation'
    log(`Strata: ${kind} ${where} (kept running): ${redactSecrets(describe(error))}`)
    running?.fail(
      new StrataError(
        'INTERNAL',
        `${running.name} failed unexpectedly: ${redactSecrets(messageOf(error))}`,
        { subject: running.name },
      ),
    )
  }
  const onException = onFailure('uncaught exception')
  const onRejection = onFailure('unhandled rejection')
  events.on('uncaughtException', onException)
  events.on('unhandledRejection', onRejection)
  return () => {
    events.off('uncaughtException', onException)
    events.off('unhandledRejection', onRejection)
  }
}

/**
 * Runs `work` as the operation `name`: if the guard catches a failure from inside it, the
 * returned promise rejects with INTERNAL at once instead of waiting for work that may never
 * finish.
 */
export function runGuarded<T>(name: string, work: () => Promise<T>): Promise<T> {
  let failOperation: (error: StrataError) => void = () => undefined
  const failed = new Promise<never>((_resolve, reject) => (failOperation = reject))
  const operation: RunningOperation = { name, settled: false, fail: (e) => failOperation(e) }
  // Started inside the scope, so every callback the work schedules carries the operation.
  const done = scope.run(operation, () => Promise.resolve().then(work))
  return Promise.race([done, failed]).finally(() => (operation.settled = true))
}

/** The same handler table with every call run as a guarded operation named after it. */
export function guardHandlerTable(table: HandlerTable): HandlerTable {
  type AnyHandler = (args: unknown, context: HandlerContext) => Promise<unknown>
  const guarded: Record<string, AnyHandler> = {}
  for (const [name, handler] of Object.entries(table) as [string, AnyHandler][]) {
    guarded[name] = (args, context) => runGuarded(name, () => handler(args, context))
  }
  // Same keys, same argument and result types: only the calls are wrapped.
  return guarded as unknown as HandlerTable
}

/** Preparing a download (`GET /download`) as a guarded operation. */
export function guardDownloads(provider: DownloadProvider): DownloadProvider {
  return (query, signal, track) => runGuarded('download', () => provider(query, signal, track))
}

/**
 * Strips what could be a secret from a line headed for a log: Authorization values, tokens and
 * passwords in URLs or key=value text, and user:password@ in addresses.
 */
export function redactSecrets(text: string): string {
  return text
    .replace(/\b(Bearer|Basic)\s+[\w\-.~+/=]+/gi, '$1 [redacted]')
    .replace(
      /\b(token|access_token|refresh_token|password|passwd|secret|auth)(["']?\s*[=:]\s*["']?)[^\s&"',;]+/gi,
      '$1$2[redacted]',
    )
    .replace(/(\/\/)[^/\s:@]+:[^/\s@]+@/g, '$1[redacted]@')
}

function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message
  return typeof error === 'string' ? error : 'a non-error value was thrown'
}

/** Name, code and message, then the stack frames (never the error's own fields beyond that). */
function describe(error: unknown): string {
  if (!(error instanceof Error)) return messageOf(error)
  const code = (error as { code?: unknown }).code
  const head = `${error.name}${typeof code === 'string' ? ` ${code}` : ''}: ${error.message}`
  const frames = (error.stack ?? '')
    .split('\n')
    .filter((line) => line.trimStart().startsWith('at '))
    .slice(0, 8)
  return [head, ...frames].join('\n')
}
