// The Docker daemon's containers, read through its API: the list with sizes (`docker ps -a -s`),
// one container (`docker inspect --size`) and its changes (`docker diff`). Answers are untrusted
// JSON, read field by field. Nothing here starts, stops or changes a container.

import type { ContainerInfo } from '../../../shared/api'
import { StrataError } from '../../../shared/errors'
import { formatSourceRef } from '../../../shared/sourceRef'
import type { LiveChange } from '../containers/liveLayerTar'
import type { DockerDaemonClient } from './dockerDaemonClient'

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined)
const num = (v: unknown): number | undefined =>
  typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : undefined
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null

/** The container's display name: its first name without docker's leading "/". */
function nameOf(names: readonly string[], id: string): string {
  return names[0] ?? id.slice(0, 12)
}

export function containerRef(nameOrId: string): string {
  return formatSourceRef({ transport: 'container', store: 'docker-daemon', container: nameOrId })
}

/** `docker ps -a -s`, newest first as the daemon lists them. */
export async function listDockerContainers(
  client: DockerDaemonClient,
  signal?: AbortSignal,
): Promise<readonly ContainerInfo[]> {
  const answer = await client.listContainers(signal)
  if (!Array.isArray(answer)) throw malformed(client, 'the container list')
  return answer.flatMap((raw): ContainerInfo[] => {
    if (!isRecord(raw)) return []
    const id = str(raw.Id)
    if (id === undefined || !/^[a-f0-9]{64}$/.test(id)) return []
    const names = (Array.isArray(raw.Names) ? raw.Names : [])
      .flatMap((n) => (typeof n === 'string' ? [n.replace(/^\//, '')] : []))
      .filter((n) => n !== '')
    const name = nameOf(names, id)
    return [
      {
        store: 'docker-daemon',
        id,
        name,
        names,
        image: str(raw.Image) ?? str(raw.ImageID) ?? '',
        ...optional('imageId', str(raw.ImageID)),
        ...optional('state', str(raw.State)),
        ...optional('sizeRw', num(raw.SizeRw) ?? 0),
        ...optional('sizeRootFs', num(raw.SizeRootFs)),
        ...optional(
          'created',
          num(raw.Created) === undefined
            ? undefined
            : new Date((raw.Created as number) * 1000).toISOString(),
        ),
        ref: containerRef(names[0] ?? id),
      },
    ]
  })
}

/** One container by name, ID or ID prefix; NOT_FOUND saying the container is gone. */
export async function inspectDockerContainer(
  client: DockerDaemonClient,
  nameOrId: string,
  signal?: AbortSignal,
): Promise<ContainerInfo> {
  let raw: unknown
  try {
    raw = await client.inspectContainer(nameOrId, signal)
  } catch (error) {
    throw goneOr(error, client, nameOrId)
  }
  if (!isRecord(raw)) throw malformed(client, `container ${nameOrId}`)
  const id = str(raw.Id)
  const imageId = str(raw.Image)
  if (id === undefined || !/^[a-f0-9]{64}$/.test(id) || imageId === undefined) {
    throw malformed(client, `container ${nameOrId}`)
  }
  const name = (str(raw.Name) ?? '').replace(/^\//, '')
  const config = isRecord(raw.Config) ? raw.Config : {}
  const state = isRecord(raw.State) ? str(raw.State.Status) : undefined
  return {
    store: 'docker-daemon',
    id,
    name: name !== '' ? name : id.slice(0, 12),
    names: name !== '' ? [name] : [],
    image: str(config.Image) ?? imageId,
    imageId,
    ...optional('state', state),
    ...optional('sizeRw', num(raw.SizeRw) ?? 0),
    ...optional('sizeRootFs', num(raw.SizeRootFs)),
    ...optional('created', str(raw.Created)),
    ref: containerRef(name !== '' ? name : id),
  }
}

/** `docker diff`: kind 0 changed, 1 added, 2 deleted; sorted by path. */
export async function dockerContainerChanges(
  client: DockerDaemonClient,
  id: string,
  signal?: AbortSignal,
): Promise<readonly LiveChange[]> {
  let raw: unknown
  try {
    raw = await client.containerChanges(id, signal)
  } catch (error) {
    throw goneOr(error, client, id)
  }
  // The daemon answers null when nothing changed.
  if (raw === null) return []
  if (!Array.isArray(raw)) throw malformed(client, `the changes of container ${id}`)
  const kinds = ['changed', 'added', 'deleted'] as const
  const changes = raw.flatMap((c): LiveChange[] => {
    if (!isRecord(c)) return []
    const path = str(c.Path)
    const kind = typeof c.Kind === 'number' ? kinds[c.Kind] : undefined
    if (path === undefined || !path.startsWith('/') || kind === undefined) return []
    if (path.split('/').some((part) => part === '..' || part === '.')) return []
    return [{ path, kind }]
  })
  return changes.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
}

/** A container the daemon no longer has: said as such, with what to do. */
export function goneOr(error: unknown, client: DockerDaemonClient, nameOrId: string): unknown {
  if (error instanceof StrataError && error.code === 'NOT_FOUND') {
    return new StrataError(
      'NOT_FOUND',
      `container ${nameOrId} is gone: the Docker daemon at ${client.socketPath} no longer has it (removed meanwhile?); refresh the list`,
      { subject: nameOrId, host: client.socketPath },
    )
  }
  return error
}

function malformed(client: DockerDaemonClient, what: string): StrataError {
  return new StrataError(
    'MALFORMED',
    `the Docker daemon at ${client.socketPath} answered ${what} with something Strata cannot read`,
    { subject: client.socketPath },
  )
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V }
}
