// containerd as the sidebar shows it: one entry per namespace (default, k8s.io, moby, ...) with
// its images. Records that point at the same digest are one image with several names; the
// names containerd's CRI adds ("sha256:<id>", "repo@sha256:...") are not shown as tags. No
// size is given: the record knows only its root document's size, not the image's.
// No socket, or nobody listening, means no store; a refused socket is listed with its error.

import { toApiError } from '../../../shared/errors'
import type { LocalStore, LocalStoreImage } from '../../../shared/api/stores'
import { isDigest } from '../../../shared/digest'
import { formatSourceRef } from '../../../shared/sourceRef'
import type { ContainerdImage } from './containerdClient'
import { ContainerdClient } from './containerdClient'
import { checkContainerdSocket, containerdSocketPath } from './containerdSocket'

export async function discoverContainerd(options: {
  readonly env?: NodeJS.ProcessEnv
  readonly signal?: AbortSignal
}): Promise<readonly LocalStore[]> {
  let socketPath: string
  try {
    socketPath = containerdSocketPath(options.env)
  } catch {
    return [] // an address Strata cannot use is not a local store
  }
  const label = (namespace?: string) =>
    namespace === undefined
      ? `containerd at ${socketPath}`
      : `containerd namespace ${namespace} at ${socketPath}`
  const client = new ContainerdClient(socketPath)
  try {
    await checkContainerdSocket(socketPath)
    const namespaces = await client.listNamespaces(options.signal)
    if (namespaces.length === 0) {
      return [{ kind: 'containerd', label: label(), location: socketPath, images: [] }]
    }
    const stores: LocalStore[] = []
    for (const namespace of [...namespaces].sort()) {
      const base = { kind: 'containerd' as const, label: label(namespace), location: socketPath }
      try {
        const records = await client.listImages(namespace, options.signal)
        stores.push({ ...base, namespace, images: groupImages(namespace, records) })
      } catch (error) {
        stores.push({ ...base, namespace, images: [], error: toApiError(error) })
      }
    }
    return stores
  } catch (error) {
    const apiError = toApiError(error)
    if (apiError.code === 'NOT_FOUND' || apiError.code === 'NETWORK') return []
    if (apiError.code === 'TIMEOUT') return []
    return [
      { kind: 'containerd', label: label(), location: socketPath, images: [], error: apiError },
    ]
  } finally {
    client.close()
  }
}

function groupImages(namespace: string, records: readonly ContainerdImage[]): LocalStoreImage[] {
  const byTarget = new Map<string, ContainerdImage[]>()
  for (const record of records) {
    const group = byTarget.get(record.target.digest)
    if (group) group.push(record)
    else byTarget.set(record.target.digest, [record])
  }
  return [...byTarget.entries()].map(([digest, group]) => {
    const names = group.map((r) => r.name).filter((name) => !isDigest(name) && !name.includes('@'))
    const digestNames = group.map((r) => r.name).filter((name) => !names.includes(name))
    const created = group
      .map((r) => r.created)
      .filter((c): c is string => c !== undefined)
      .sort()[0]
    const image = names[0] ?? digestNames[0] ?? digest
    return {
      id: digest,
      names,
      digests: [digest],
      ...(created !== undefined ? { created } : {}),
      ref: formatSourceRef({ transport: 'containerd', namespace, image }),
    }
  })
}
