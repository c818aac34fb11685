// The one api contract. Every operation is declared here once, with its argument and result
// types. electron/api/handlers.ts implements the table; Electron ipc (electron/shell/ipc.ts)
// and the web server (electron/serve.ts) both serve that same table; renderer/api/client.ts
// calls it. UI code never spells a channel string outside this file's names.

import type { ApiError, ApiResult } from '../errors'
import type { Annotations, Digest, Platform } from '../oci/types'
import type { ObjectKind } from '../oci/mediaTypes'
import type { LocalStore } from './stores'
import type { StorageView } from '../storageView'
import type {
  CacheInfo,
  FileChunk,
  FileListArgs,
  FileListItem,
  FileReadArgs,
  FileSearchArgs,
  FileSearchResult,
  FileStat,
  FileStatArgs,
  ImageFilesArgs,
  LayerArgs,
  LayerIndexInfo,
} from './files'
import type {
  CompareArgs,
  HistoryAsOfArgs,
  HistoryExport,
  HistoryExportArgs,
  HistoryObserveResult,
  HistoryTimeline,
  ReferrersArgs,
  RepositoryArgs,
  SharingArgs,
  WatchedRepository,
} from './history'
import type { ReferrersResult } from './image'
import type { SharingReport } from './sharing'
import type { ImageComparison } from './compare'
import type { TagAsOf } from '../tagHistory'
import type { ImageEfficiency } from '../layerTree'

export type * from './files'
export type * from './history'
export { downloadQuery } from './files'

export interface AppInfo {
  readonly version: string
  /** How this instance runs: the Electron window or the browser served by serve.ts. */
  readonly mode: 'electron' | 'web'
  /** Source reference of the bundled sample image (an OCI layout in assets/). */
  readonly sampleRef: string
  readonly dataDir: string
}

export interface RegistryEntry {
  /** host[:port] as the user typed it, normalized (lowercase, no scheme, no path). */
  readonly host: string
  /** Plain http allowed: automatically for loopback, otherwise only when the user marked it. */
  readonly insecure: boolean
  readonly username?: string
  /** Credentials are held for this registry (in memory or the OS keychain; never shown). */
  readonly hasCredentials: boolean
}

export interface AddRegistryArgs {
  /** "host[:port]", optionally with an http:// or https:// prefix. */
  readonly address: string
  readonly insecure?: boolean
  readonly username?: string
  readonly password?: string
  /** A bearer token (or identity token) used instead of username/password. */
  readonly token?: string
}

export interface CredentialsArgs {
  readonly host: string
  readonly username?: string
  readonly password?: string
  readonly token?: string
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

export interface ListRepositoriesArgs {
  readonly registry: string
  readonly cursor?: string
  readonly pageSize?: number
}

export interface ListTagsArgs {
  /** A repository reference: "host/name" or a familiar name ("alpine"). */
  readonly repository: string
  readonly cursor?: string
  readonly pageSize?: number
}

/** What one tag (or digest) resolves to, for the tags list. */
export interface ImageSummary {
  /** Canonical source reference ("docker://127.0.0.1:5000/demo/app:v1", "oci:/path:tag"). */
  readonly ref: string
  readonly digest: Digest
  readonly mediaType: string
  readonly kind: ObjectKind
  /** Sum of the manifest, config and layer sizes; for an index, of every image it names. */
  readonly totalSize: number
  /** "linux/amd64", "linux/arm/v7"; one entry for a single-platform image. */
  readonly platforms: readonly string[]
  /** Config `created`, else the org.opencontainers.image.created annotation (ISO 8601). */
  readonly created?: string
  readonly rateLimit?: RateLimitInfo
}

/** A command a user could type to get the same document themselves. */
export interface EquivalentCommand {
  readonly tool: 'skopeo' | 'crane' | 'curl' | 'podman' | 'docker' | 'umoci' | 'oras' | 'shell'
  readonly command: string
  readonly note?: string
}

export type GraphNodeRole =
  | 'root'
  | 'platform' // a manifest an index lists for a platform
  | 'attestation' // a manifest that carries provenance/SBOM, not a runnable platform
  | 'nested-index'
  | 'config'
  | 'layer'
  | 'subject' // what an artifact refers to
  | 'referrer' // an artifact that refers to this node
  | 'blob'

export interface GraphNode {
  /** Stable id inside one graph: the digest. A layer shared by two manifests is one node. */
  readonly id: string
  readonly digest: Digest
  readonly mediaType: string
  readonly size: number
  readonly kind: ObjectKind
  readonly role: GraphNodeRole
  /** Plain-language kind: "OCI index", "Docker manifest list", "gzip layer". */
  readonly label: string
  readonly explanation: string
  readonly platform?: Platform
  /** What the descriptor naming this object says (for the root: what resolving it said). */
  readonly annotations?: Annotations
  readonly artifactType?: string
  /** The document's own `annotations` and `artifactType`, for manifests and indexes. */
  readonly documentAnnotations?: Annotations
  readonly documentArtifactType?: string
  /** The verified document text for manifests, indexes and configs (not layers). */
  readonly document?: string
  /** Why the document could not be shown, when fetching or verifying it failed. */
  readonly documentError?: ApiError
  /** Set when the media type is not one Strata knows: the raw JSON is shown with a warning. */
  readonly unknownMediaType?: boolean
  /** For layers: the config's history steps that produced it (created_by), in order. */
  readonly history?: readonly string[]
  readonly commands: readonly EquivalentCommand[]
}

export interface GraphEdge {
  readonly from: string
  readonly to: string
  readonly relation: 'manifest' | 'config' | 'layer' | 'subject' | 'referrer'
  /** Position in the parent's list (layer 0 is the bottom layer). */
  readonly position: number
}

export interface ImageGraph {
  /** Canonical source reference the graph was built from. */
  readonly ref: string
  /** Human label of the source: "registry 127.0.0.1:5000", "OCI layout /path". */
  readonly sourceLabel: string
  readonly rootId: string
  readonly nodes: readonly GraphNode[]
  readonly edges: readonly GraphEdge[]
  /** Non-fatal problems (a child manifest that failed to load, an unknown media type). */
  readonly warnings: readonly string[]
  readonly rateLimit?: RateLimitInfo
}

export interface ObjectArgs {
  /** Source reference whose repository holds the object. */
  readonly ref: string
  readonly digest: Digest
  readonly mediaType?: string
}

/** A manifest, index or config fetched by digest and verified. */
export interface ObjectDocument {
  readonly ref: string
  readonly digest: Digest
  readonly mediaType: string
  readonly size: number
  readonly text: string
  readonly commands: readonly EquivalentCommand[]
  /** What a blob read without a media type turned out to be ("image config"), and why. */
  readonly label?: string
  readonly explanation?: string
}

export interface DescribeStorageArgs {
  /**
   * A containers-storage reference whose store to describe ("containers-storage:",
   * "containers-storage:[vfs@/graph+/run]x"); absent: the store podman uses by default.
   */
  readonly ref?: string
}

/** What a path or dropped file opens as: the source reference to navigate to. */
export interface PathProbe {
  readonly ref: string
  /** "OCI image layout", "docker save archive", "skopeo dir", … */
  readonly kind: string
}

interface Operation<Args, Result> {
  readonly args: Args
  readonly result: Result
}

/** Every operation, by `domain:verb` name. */
export interface ApiOperations {
  'app:info': Operation<Record<string, never>, AppInfo>
  'registries:list': Operation<Record<string, never>, readonly RegistryEntry[]>
  'registries:add': Operation<AddRegistryArgs, RegistryEntry>
  'registries:remove': Operation<{ readonly host: string }, readonly RegistryEntry[]>
  'registries:setCredentials': Operation<CredentialsArgs, RegistryEntry>
  'registry:listRepositories': Operation<ListRepositoriesArgs, Page<string>>
  'registry:listTags': Operation<ListTagsArgs, Page<string>>
  'image:summary': Operation<{ readonly ref: string }, ImageSummary>
  'image:graph': Operation<{ readonly ref: string }, ImageGraph>
  'image:object': Operation<ObjectArgs, ObjectDocument>
  'stores:discover': Operation<Record<string, never>, readonly LocalStore[]>
  'stores:describeStorage': Operation<DescribeStorageArgs, StorageView>
  'stores:probePath': Operation<{ readonly path: string }, PathProbe>
  'layers:index': Operation<LayerArgs, LayerIndexInfo>
  'files:list': Operation<FileListArgs, Page<FileListItem>>
  'files:stat': Operation<FileStatArgs, FileStat>
  'files:search': Operation<FileSearchArgs, FileSearchResult>
  'files:read': Operation<FileReadArgs, FileChunk>
  'image:efficiency': Operation<ImageFilesArgs, ImageEfficiency>
  'cache:info': Operation<Record<string, never>, CacheInfo>
  'cache:clear': Operation<Record<string, never>, CacheInfo>
  /** Aborts the running operation whose progress events carry this id. */
  'operation:cancel': Operation<{ readonly operationId: string }, { readonly cancelled: boolean }>
  'history:timeline': Operation<RepositoryArgs, HistoryTimeline>
  /** Lists and resolves every tag now and records what it saw. */
  'history:observe': Operation<RepositoryArgs, HistoryObserveResult>
  'history:asOf': Operation<HistoryAsOfArgs, TagAsOf>
  'history:watch': Operation<
    RepositoryArgs & { readonly intervalMinutes?: number },
    readonly WatchedRepository[]
  >
  'history:unwatch': Operation<RepositoryArgs, readonly WatchedRepository[]>
  'history:watching': Operation<Record<string, never>, readonly WatchedRepository[]>
  'history:export': Operation<HistoryExportArgs, HistoryExport>
  'image:referrers': Operation<ReferrersArgs, ReferrersResult>
  'sharing:compute': Operation<SharingArgs, SharingReport>
  'compare:images': Operation<CompareArgs, ImageComparison>
  /** Desktop only: the native file dialog. Web mode answers UNAVAILABLE (use a path field). */
  'dialog:choosePath': Operation<
    { readonly kind: 'file' | 'directory' },
    { readonly path?: string }
  >
}

export type OperationName = keyof ApiOperations
export type ArgsOf<N extends OperationName> = ApiOperations[N]['args']
export type ResultOf<N extends OperationName> = ApiOperations[N]['result']

/** Runtime list of names, for routing and for refusing unknown operations. */
export const OPERATION_NAMES = [
  'app:info',
  'registries:list',
  'registries:add',
  'registries:remove',
  'registries:setCredentials',
  'registry:listRepositories',
  'registry:listTags',
  'image:summary',
  'image:graph',
  'image:object',
  'stores:discover',
  'stores:describeStorage',
  'stores:probePath',
  'dialog:choosePath',
  'layers:index',
  'files:list',
  'files:stat',
  'files:search',
  'files:read',
  'image:efficiency',
  'cache:info',
  'cache:clear',
  'operation:cancel',
  'history:timeline',
  'history:observe',
  'history:asOf',
  'history:watch',
  'history:unwatch',
  'history:watching',
  'history:export',
  'image:referrers',
  'sharing:compute',
  'compare:images',
] as const satisfies readonly OperationName[]

// Compile-time check that OPERATION_NAMES lists every operation.
type MissingNames = Exclude<OperationName, (typeof OPERATION_NAMES)[number]>
const everyOperationListed: MissingNames extends never ? true : never = true
void everyOperationListed

export function isOperationName(value: unknown): value is OperationName {
  return typeof value === 'string' && (OPERATION_NAMES as readonly string[]).includes(value)
}

/** Progress of long work, pushed on the one event channel. */
export interface ProgressEvent {
  readonly type: 'progress'
  readonly operationId: string
  readonly label: string
  readonly doneBytes: number
  readonly totalBytes?: number
  /** Work counted in items rather than bytes (tags resolved, layers compared). */
  readonly unit?: 'bytes' | 'items'
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

/** How a call looks on the wire for both transports. */
export interface ApiRequest<N extends OperationName = OperationName> {
  readonly name: N
  readonly args: ArgsOf<N>
}
export type ApiResponse<N extends OperationName> = ApiResult<ResultOf<N>>

/** Web mode: the path every call is POSTed to, and the event stream. */
export const WEB_API_PATH = '/api/call'
export const WEB_EVENTS_PATH = '/api/events'
/**
 * GET downloads (a file's bytes, a directory as a tar). The same relative URL works in both
 * modes: web mode serves it (authorized by a one-time nonce, shared/webDownloadTicket.ts), the
 * desktop's strata://app protocol serves it in Electron.
 */
export const WEB_DOWNLOAD_PATH = '/api/download'

/** Header carrying the per-launch token on api calls in web mode. */
export const WEB_TOKEN_HEADER = 'x-strata-token'
/** Electron: the ipc channels (one for calls, one for events). */
export const IPC_CALL_CHANNEL = 'strata:call'
export const IPC_EVENT_CHANNEL = 'strata:event'
/** The one global the preload exposes to the renderer. */
export const PRELOAD_GLOBAL = 'strataBridge'
