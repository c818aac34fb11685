// Where containerd listens: $CONTAINERD_ADDRESS (a path, or unix://path) or the default socket,
// and a look at that path before any call, so a missing socket or a file that is not one is
// reported as such, naming the path, instead of as a generic gRPC failure.

import { stat } from 'node:fs/promises'
import { StrataError } from '../../../shared/errors'

export const DEFAULT_CONTAINERD_SOCKET = '/run/containerd/containerd.sock'

/** The socket CONTAINERD_ADDRESS names (a path or unix://path), or the default one. */
export function containerdSocketPath(env: NodeJS.ProcessEnv = process.env): string {
  const address = env.CONTAINERD_ADDRESS
  if (address === undefined || address === '') return DEFAULT_CONTAINERD_SOCKET
  const path = address.startsWith('unix://') ? address.slice('unix://'.length) : address
  if (!path.startsWith('/')) {
    throw new StrataError(
      'BAD_INPUT',
      `CONTAINERD_ADDRESS is "${address}"; Strata talks to containerd over a local unix socket only (an absolute path or unix:///path/to/containerd.sock)`,
      { subject: address },
    )
  }
  return path
}

/** Fails with NOT_FOUND, FORBIDDEN or NETWORK when `path` cannot be containerd's socket. */
export async function checkContainerdSocket(path: string): Promise<void> {
  let isSocket: boolean
  try {
    isSocket = (await stat(path)).isSocket()
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    const detail = { subject: path, host: path, cause: code ?? String(error) }
    if (code === 'EACCES' || code === 'EPERM') {
      throw new StrataError(
        'FORBIDDEN',
        `permission denied on the containerd socket ${path} (${code}); your user needs access to it (containerd's socket usually belongs to root)`,
        detail,
      )
    }
    throw new StrataError(
      'NOT_FOUND',
      `there is no containerd socket at ${path}; is containerd running? (set CONTAINERD_ADDRESS to use another socket)`,
      detail,
    )
  }
  if (!isSocket) {
    throw new StrataError(
      'NETWORK',
      `${path} is not a socket, so containerd cannot be reached there; point CONTAINERD_ADDRESS at containerd's socket`,
      { subject: path, host: path, cause: 'ENOTSOCK' },
    )
  }
}
