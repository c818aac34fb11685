// container:docker-daemon:NAME_OR_ID — a Docker container opened read-only: its image (read
// through the image export, as docker-daemon: does) with the container's writable layer on top,
// built from `docker diff` and `docker cp`'s path reads.

import { formatSourceRef } from '../../../shared/sourceRef'
import type { ContainerSource } from '../containers/containerSource'
import { openContainerSource } from '../containers/containerSource'
import { DEFAULT_DOCKER_SOCKET, DockerDaemonClient, dockerSocketPath } from './dockerDaemonClient'
import { dockerContainerChanges, inspectDockerContainer } from './dockerContainers'
import { dockerLiveEntries } from './dockerContainerLayer'
import { openDockerDaemon } from './dockerDaemonSource'

export async function openDockerContainer(
  nameOrId: string,
  options: { readonly signal?: AbortSignal; readonly env?: NodeJS.ProcessEnv } = {},
): Promise<ContainerSource> {
  const { signal } = options
  const socketPath = dockerSocketPath(options.env)
  const client = new DockerDaemonClient(socketPath)
  try {
    await client.ping(signal)
    const info = await inspectDockerContainer(client, nameOrId, signal)
    const image = await openDockerDaemon(info.imageId ?? info.image, options)
    const hostFlag = socketPath === DEFAULT_DOCKER_SOCKET ? '' : `-H unix://${socketPath} `
    return await openContainerSource(
      {
        info,
        image,
        entries: async function* (entriesSignal) {
          const changes = await dockerContainerChanges(client, info.id, entriesSignal)
          yield* dockerLiveEntries(client, info.id, changes, entriesSignal)
        },
        checkPresent: async (checkSignal) => {
          await inspectDockerContainer(client, info.id, checkSignal)
        },
        diffCommands: [
          {
            tool: 'docker',
            command: `docker ${hostFlag}diff ${info.name}`,
            note: { kind: 'containerChanges' },
          },
          {
            tool: 'docker',
            command: `docker ${hostFlag}ps -a -s --filter id=${info.id}`,
            note: { kind: 'containerSizes', tool: 'docker' },
          },
        ],
        ref: formatSourceRef({
          transport: 'container',
          store: 'docker-daemon',
          container: nameOrId,
        }),
        where: `container ${info.name} of the Docker daemon at ${socketPath}`,
      },
      signal,
    )
  } catch (error) {
    await client.close()
    throw error
  }
}
