// What every feature's part of the api contract builds on: the operation shape, pages, the
// registry's rate-limit report, the events pushed on the one channel, and the few operations
// that belong to the app rather than to a feature (info, cancel, the native dialog).

export interface Operation<Args, Result> {
  readonly args: Args
  readonly result: Result
}

/** Rate-limit headers the registry sent (RateLimit-Limit/Remaining/Reset, Docker Hub style). */
export interface RateLimitInfo {
  readonly host: string
  readonly limit?: number
  readonly remaining?: number
  readonly resetSeconds?: number
  /** The headers exactly as received, for the details panel. */
  readonly raw: Readonly<Record<string, string>>
}

export interface Page<T> {
  readonly items: readonly T[]
  /** Opaque cursor for the next page, absent on the last page. */
  readonly next?: string
  readonly rateLimit?: RateLimitInfo
}

export interface AppInfo {
  readonly version: string
  /** How this instance runs: the Electron window or the browser served by serve.ts. */
  readonly mode: 'electron' | 'web'
  /** Source reference of the bundled sample image (an OCI layout in assets/). */
  readonly sampleRef: string
  /** Absolute folder of the bundled lesson samples (assets/samples); see shared/samples.ts. */
  readonly samplesRoot: string
  readonly dataDir: string
}

export interface AppOperations {
  'app:info': Operation<Record<string, never>, AppInfo>
  /** Aborts the running operation whose progress events carry this id. */
  'operation:cancel': Operation<{ readonly operationId: string }, { readonly cancelled: boolean }>
  /** Desktop only: the native file dialog. Web mode answers UNAVAILABLE (use a path field). */
  'dialog:choosePath': Operation<
    { readonly kind: 'file' | 'directory' },
    { readonly path?: string }
  >
}

/**
 * What long work is doing, as data: the renderer words it in the user's language; `label`
 * beside it is the same in English (logs, and the words a renderer without the phase shows).
 */
export type ProgressPhase =
  | { readonly kind: 'indexLayer'; readonly layer: number }
  | { readonly kind: 'download'; readonly path: string }
  | { readonly kind: 'resolveTags'; readonly repository: string }
  | { readonly kind: 'readManifests' }
  | { readonly kind: 'export'; readonly ref: string }
  | {
      readonly kind: 'exportBlobs'
      readonly ref: string
      readonly blobs: number
      readonly totalBlobs: number
    }
  | { readonly kind: 'exportArchive'; readonly ref: string }

/** Progress of long work, pushed on the one event channel. */
export interface ProgressEvent {
  readonly type: 'progress'
  readonly operationId: string
  /** Absent only for the renderer's own waiting calls (their label is worded already). */
  readonly phase?: ProgressPhase
  readonly label: string
  readonly doneBytes: number
  readonly totalBytes?: number
  /** Work counted in items rather than bytes (tags resolved, layers compared). */
  readonly unit?: 'bytes' | 'items'
  /** Layer indexing: the entries read so far, beside the bytes. */
  readonly entries?: number
  /** True when `operation:cancel` with this id stops it. */
  readonly cancellable?: boolean
  /** True on the last event of the operation (finished, failed or cancelled). */
  readonly done?: boolean
}

/** Main tells the renderer that data behind some queries changed (it invalidates, not polls). */
export interface InvalidateEvent {
  readonly type: 'invalidate'
  readonly scope: 'registries'
}

export type ApiEvent = ProgressEvent | InvalidateEvent
