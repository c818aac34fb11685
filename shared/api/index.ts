// The one api contract, split by feature: each shared/api/<feature>.ts declares its operations
// (name, argument type, result type) and this file joins them into ApiOperations.
// electron/api/handlers.ts implements the table; Electron ipc (electron/shell/ipcBridge.ts) and
// the web server (electron/serve.ts) both serve that same table; renderer/api/client.ts calls
// it. UI code never spells a channel string outside these files' names.

import type { AttestationsOperations } from './attestations'
import type { AppOperations } from './common'
import type { CompareOperations } from './compare'
import type { ExportsOperations } from './exports'
import type { FilesOperations } from './files'
import type { HistoryOperations } from './history'
import type { ImageOperations } from './image'
import type { RegistryOperations } from './registry'
import type { SharingOperations } from './sharing'
import type { StoresOperations } from './stores'

export * from './attestations'
export * from './bridge'
export * from './commands'
export * from './common'
export * from './compare'
export * from './exports'
export * from './files'
export * from './history'
export * from './image'
export * from './registry'
export * from './sharing'
export * from './stores'
export * from './wire'

/** Every operation, by `domain:verb` name. */
export interface ApiOperations
  extends
    AppOperations,
    RegistryOperations,
    ImageOperations,
    StoresOperations,
    FilesOperations,
    HistoryOperations,
    SharingOperations,
    CompareOperations,
    AttestationsOperations,
    ExportsOperations {}

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
  'registry:searchHub',
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
  'files:inspect',
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
  'attestations:decode',
  'exports:image',
] as const satisfies readonly OperationName[]

// Compile-time check that OPERATION_NAMES lists every operation.
type MissingNames = Exclude<OperationName, (typeof OPERATION_NAMES)[number]>
const everyOperationListed: MissingNames extends never ? true : never = true
void everyOperationListed

export function isOperationName(value: unknown): value is OperationName {
  return typeof value === 'string' && (OPERATION_NAMES as readonly string[]).includes(value)
}
