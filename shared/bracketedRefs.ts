// The references that name a store or namespace in brackets before the image or container:
//   containers-storage:[driver@graphroot+runroot]IMAGE   containerd:[NAMESPACE]NAME
//   container:docker-daemon:NAME_OR_ID   container:containers-storage:[store]NAME_OR_ID
// Parsed and written here; sourceRef.ts dispatches on the transport.
import { referenceError } from './referenceProblem'
import type { SourceRef, StorageSpec } from './sourceRef'

type ContainersStorageRef = Extract<SourceRef, { transport: 'containers-storage' }>

export function parseContainersStorage(input: string, rest: string): ContainersStorageRef {
  let image = rest
  let store: ContainersStorageRef['store']
  if (rest.startsWith('[')) {
    const close = rest.indexOf(']')
    if (close < 0) throw referenceError(input, { kind: 'storeSpecUnclosed' })
    store = parseStoreSpec(input, rest.slice(1, close))
    image = rest.slice(close + 1)
  }
  if (image === '') throw referenceError(input, { kind: 'noImage', text: input.trim() })
  if (/\s/.test(image)) throw referenceError(input, { kind: 'imageHasSpaces', image })
  return store === undefined
    ? { transport: 'containers-storage', image }
    : { transport: 'containers-storage', store, image }
}

function parseStoreSpec(input: string, spec: string): NonNullable<ContainersStorageRef['store']> {
  let roots = spec
  let driver: string | undefined
  const at = spec.indexOf('@')
  if (at >= 0) {
    driver = spec.slice(0, at)
    roots = spec.slice(at + 1)
    if (driver === '') throw referenceError(input, { kind: 'emptyDriver' })
  }
  const plus = roots.indexOf('+')
  const graphRoot = plus < 0 ? roots : roots.slice(0, plus)
  const runRoot = plus < 0 ? undefined : roots.slice(plus + 1)
  for (const [which, root] of [
    ['graph', graphRoot],
    ['run', runRoot],
  ] as const) {
    if (root !== undefined && !root.startsWith('/')) {
      throw referenceError(input, { kind: 'storeRootNotAbsolute', root: which, path: root })
    }
  }
  return {
    ...(driver !== undefined ? { driver } : {}),
    graphRoot,
    ...(runRoot !== undefined ? { runRoot } : {}),
  }
}

export function formatStore(store: StorageSpec | undefined): string {
  if (store === undefined) return ''
  const driver = store.driver !== undefined ? `${store.driver}@` : ''
  const runRoot = store.runRoot !== undefined ? `+${store.runRoot}` : ''
  return `[${driver}${store.graphRoot}${runRoot}]`
}

/** The namespace containerd's own tools use when none is named. */
export const DEFAULT_CONTAINERD_NAMESPACE = 'default'
// containerd's namespace rule (namespaces/validate.go): labels of letters and digits joined by
// single '.', '_' or '-'.
const CONTAINERD_NAMESPACE = /^[A-Za-z0-9]+(?:[._-][A-Za-z0-9]+)*$/

export function parseContainerd(
  input: string,
  rest: string,
): Extract<SourceRef, { transport: 'containerd' }> {
  let namespace = DEFAULT_CONTAINERD_NAMESPACE
  let image = rest
  if (rest.startsWith('[')) {
    const close = rest.indexOf(']')
    if (close < 0) throw referenceError(input, { kind: 'namespaceUnclosed' })
    namespace = rest.slice(1, close)
    image = rest.slice(close + 1)
    if (!CONTAINERD_NAMESPACE.test(namespace)) {
      throw referenceError(input, { kind: 'badNamespace', namespace })
    }
  }
  if (image === '') throw referenceError(input, { kind: 'noImage', text: input.trim() })
  if (/\s/.test(image)) throw referenceError(input, { kind: 'imageHasSpaces', image })
  return { transport: 'containerd', namespace, image }
}

type ContainerRef = Extract<SourceRef, { transport: 'container' }>
// Docker's and podman's rule for container names; IDs (hex) match it too.
const CONTAINER_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/

export function parseContainer(input: string, rest: string): ContainerRef {
  const colon = rest.indexOf(':')
  const store = colon < 0 ? rest : rest.slice(0, colon)
  let container = colon < 0 ? '' : rest.slice(colon + 1)
  if (store !== 'docker-daemon' && store !== 'containers-storage') {
    throw referenceError(input, { kind: 'containerForm' })
  }
  let storage: StorageSpec | undefined
  if (store === 'containers-storage' && container.startsWith('[')) {
    const close = container.indexOf(']')
    if (close < 0) throw referenceError(input, { kind: 'storeSpecUnclosed' })
    storage = parseStoreSpec(input, container.slice(1, close))
    container = container.slice(close + 1)
  }
  if (container === '') throw referenceError(input, { kind: 'noContainer', text: input.trim() })
  if (!CONTAINER_NAME.test(container)) {
    throw referenceError(input, { kind: 'badContainerName', container })
  }
  return storage === undefined
    ? { transport: 'container', store, container }
    : { transport: 'container', store, storage, container }
}
