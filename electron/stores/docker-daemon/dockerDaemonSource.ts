// docker-daemon:NAME[:TAG] — an image held by the local Docker Engine. The daemon keeps no
// manifest for images in its classic graph-driver store, so, like skopeo, Strata reads the
// image export (docker save) and synthesizes one; a daemon that exports an OCI layout (Docker
// 25+, containerd image store) has its real manifest served instead.

import { formatSourceRef } from '../../../shared/sourceRef'
import type { ImageSource } from '../../sources/imageSource'
import { DaemonExportMembers } from './dockerDaemonArchive'
import type { DaemonHistoryEntry, DaemonImageInspect } from './dockerDaemonClient'
import { DEFAULT_DOCKER_SOCKET, DockerDaemonClient, dockerSocketPath } from './dockerDaemonClient'
import { openDockerArchiveMembers } from '../archive/dockerArchiveSource'
import { dockerDaemonCommands } from '../discovery/storeCommands'

/** What the daemon itself says about the image, for the details panel. */
export interface DaemonImageDetails {
  readonly socketPath: string
  readonly inspect: DaemonImageInspect
  readonly history: readonly DaemonHistoryEntry[]
}

export type DockerDaemonSource = ImageSource & { readonly daemon: DaemonImageDetails }

export async function openDockerDaemon(
  image: string,
  options: { readonly signal?: AbortSignal; readonly env?: NodeJS.ProcessEnv } = {},
): Promise<DockerDaemonSource> {
  const { signal } = options
  const socketPath = dockerSocketPath(options.env)
  const client = new DockerDaemonClient(socketPath)
  try {
    await client.ping(signal)
    const inspect = await client.inspectImage(image, signal)
    const history = await client.history(image, signal)
    const members = await DaemonExportMembers.scan(client, image, signal)
    const custom = socketPath !== DEFAULT_DOCKER_SOCKET
    const source = await openDockerArchiveMembers(members, {
      kind: 'docker-daemon',
      ref: formatSourceRef({ transport: 'docker-daemon', image }),
      labelPrefix: `Docker daemon at ${socketPath}`,
      reference: undefined,
      displayName: image,
      ...(signal ? { signal } : {}),
      commands: (context, target) =>
        dockerDaemonCommands(
          {
            hostFlag: custom ? `-H unix://${socketPath} ` : '',
            daemonHost: custom ? `unix://${socketPath}` : undefined,
            image,
            rootDigest: context.rootDigest,
            memberOf: context.memberOf,
            configDigest: context.configDigest,
          },
          target,
        ),
    })
    return Object.assign(source, { daemon: { socketPath, inspect, history } })
  } catch (error) {
    await client.close()
    throw error
  }
}
