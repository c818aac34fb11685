// The Docker Engine API over its unix socket, through undici: ping, list and inspect images,
// their history, and the image export stream (`docker save`). Errors say which socket and
// what to do ("cannot reach the Docker daemon at /var/run/docker.sock (ENOENT)").

import type { Readable } from 'node:stream'
import { Agent, request } from 'undici'
import type { Dispatcher } from 'undici'
import { StrataError } from '../../../shared/errors'

export const DEFAULT_DOCKER_SOCKET = '/var/run/docker.sock'
const PING_TIMEOUT_MS = 5000
const MAX_JSON_BYTES = 64 * 1024 * 1024

/** The socket DOCKER_HOST names (unix:// only), or the default one. */
export function dockerSocketPath(env: NodeJS.ProcessEnv = process.env): string {
  const host = env.DOCKER_HOST
  if (host === undefined || host === '') return DEFAULT_DOCKER_SOCKET
  if (host.startsWith('unix://')) return host.slice('unix://'.length)
  throw new StrataError(
    'BAD_INPUT',
    `DOCKER_HOST is "${host}"; Strata talks to the Docker daemon over a local unix socket only (unix:///path/to/docker.sock)`,
    { subject: host },
  )
}

export interface DaemonImageSummary {
  readonly Id: string
  readonly RepoTags?: readonly string[] | null
  readonly RepoDigests?: readonly string[] | null
  readonly Created?: number
  readonly Size?: number
}

export interface DaemonImageInspect {
  readonly Id: string
  readonly RepoTags?: readonly string[] | null
  readonly RepoDigests?: readonly string[] | null
  readonly Created?: string
  readonly Size?: number
  readonly Architecture?: string
  readonly Os?: string
  readonly RootFS?: { readonly Type?: string; readonly Layers?: readonly string[] }
}

export interface DaemonHistoryEntry {
  readonly Id: string
  readonly Created: number
  readonly CreatedBy: string
  readonly Size: number
  readonly Comment?: string
  readonly Tags?: readonly string[] | null
}

export class DockerDaemonClient {
  private readonly agent: Agent

  constructor(readonly socketPath: string) {
    // Idle connections close quickly, so an unused client never keeps the process alive long.
    this.agent = new Agent({ connect: { socketPath }, keepAliveTimeout: 1000 })
  }

  async ping(signal?: AbortSignal): Promise<void> {
    const timeout = AbortSignal.timeout(PING_TIMEOUT_MS)
    const both = signal ? AbortSignal.any([signal, timeout]) : timeout
    const response = await this.send('/_ping', both)
    const text = await response.body.text()
    if (response.statusCode !== 200) {
      throw new StrataError(
        'SERVER_ERROR',
        `the Docker daemon at ${this.socketPath} answered its ping with ${response.statusCode}: ${text.slice(0, 200)}`,
        { subject: this.socketPath, status: response.statusCode },
      )
    }
  }

  listImages(signal?: AbortSignal): Promise<readonly DaemonImageSummary[]> {
    return this.json('/images/json', 'the image list', signal) as Promise<
      readonly DaemonImageSummary[]
    >
  }

  inspectImage(name: string, signal?: AbortSignal): Promise<DaemonImageInspect> {
    return this.json(
      `/images/${imagePath(name)}/json`,
      `image ${name}`,
      signal,
    ) as Promise<DaemonImageInspect>
  }

  history(name: string, signal?: AbortSignal): Promise<readonly DaemonHistoryEntry[]> {
    return this.json(
      `/images/${imagePath(name)}/history`,
      `the history of ${name}`,
      signal,
    ) as Promise<readonly DaemonHistoryEntry[]>
  }

  /** `docker save NAME` as a stream; the caller reads or destroys it. */
  async exportImage(name: string, signal?: AbortSignal): Promise<Readable> {
    const response = await this.send(`/images/get?names=${encodeURIComponent(name)}`, signal)
    if (response.statusCode !== 200) throw await this.failure(response, `image ${name}`)
    return response.body
  }

  /** `docker ps -a -s`: every container with its sizes (unvalidated JSON). */
  listContainers(signal?: AbortSignal): Promise<unknown> {
    return this.json('/containers/json?all=1&size=1', 'the container list', signal)
  }

  /** `docker inspect --size`: one container (unvalidated JSON). */
  inspectContainer(nameOrId: string, signal?: AbortSignal): Promise<unknown> {
    return this.json(
      `/containers/${encodeURIComponent(nameOrId)}/json?size=1`,
      `container ${nameOrId}`,
      signal,
    )
  }

  /** `docker diff`: the container's changes against its image (unvalidated JSON). */
  containerChanges(id: string, signal?: AbortSignal): Promise<unknown> {
    return this.json(
      `/containers/${encodeURIComponent(id)}/changes`,
      `the changes of container ${id}`,
      signal,
    )
  }

  /**
   * A path in the container as `docker cp` sees it: the stat header of a HEAD request, and
   * with `body`, the tar of the path (the caller reads or destroys it).
   */
  async containerPath(
    id: string,
    path: string,
    body: boolean,
    signal?: AbortSignal,
  ): Promise<{ readonly stat: string | undefined; readonly tar?: Readable }> {
    const url = `/containers/${encodeURIComponent(id)}/archive?path=${encodeURIComponent(path)}`
    const response = await this.send(url, signal, body ? 'GET' : 'HEAD')
    if (response.statusCode !== 200) {
      throw await this.failure(response, `path ${path} in container ${id}`)
    }
    const header = response.headers['x-docker-container-path-stat']
    const stat = typeof header === 'string' ? header : undefined
    if (!body) {
      await response.body.dump()
      return { stat }
    }
    return { stat, tar: response.body }
  }

  close(): Promise<void> {
    return this.agent.close()
  }

  private async json(path: string, what: string, signal?: AbortSignal): Promise<unknown> {
    const response = await this.send(path, signal)
    if (response.statusCode !== 200) throw await this.failure(response, what)
    const length = Number(response.headers['content-length'] ?? 0)
    if (length > MAX_JSON_BYTES) {
      response.body.destroy()
      throw new StrataError('TOO_LARGE', `the Docker daemon's answer for ${what} is too large`)
    }
    try {
      return await response.body.json()
    } catch {
      throw new StrataError(
        'MALFORMED',
        `the Docker daemon at ${this.socketPath} answered ${what} with something that is not JSON`,
        { subject: this.socketPath },
      )
    }
  }

  private async send(
    path: string,
    signal?: AbortSignal,
    method: 'GET' | 'HEAD' = 'GET',
  ): Promise<Dispatcher.ResponseData> {
    try {
      return await request(`http://docker${path}`, {
        dispatcher: this.agent,
        method,
        ...(signal ? { signal } : {}),
      })
    } catch (error) {
      throw this.connectionError(error)
    }
  }

  private async failure(response: Dispatcher.ResponseData, what: string): Promise<StrataError> {
    let message = ''
    try {
      const body = (await response.body.json()) as { message?: unknown }
      if (typeof body.message === 'string') message = body.message
    } catch {
      // no JSON error body
    }
    const status = response.statusCode
    const detail = { subject: what, status, host: this.socketPath }
    if (status === 404) {
      return new StrataError(
        'NOT_FOUND',
        `the Docker daemon at ${this.socketPath} has no ${what}${message ? ` (${message})` : ''}`,
        detail,
      )
    }
    const code = status >= 500 ? 'SERVER_ERROR' : status === 403 ? 'FORBIDDEN' : 'BAD_INPUT'
    return new StrataError(
      code,
      `the Docker daemon at ${this.socketPath} refused ${what}: ${status}${message ? ` ${message}` : ''}`,
      detail,
    )
  }

  private connectionError(error: unknown): StrataError {
    if (error instanceof StrataError) return error
    const code = errnoOf(error)
    const detail = { subject: this.socketPath, host: this.socketPath, cause: code ?? String(error) }
    if (error instanceof Error && (error.name === 'AbortError' || code === 'ABORT_ERR')) {
      return new StrataError('CANCELLED', 'the request to the Docker daemon was cancelled', detail)
    }
    if (error instanceof Error && error.name === 'TimeoutError') {
      return new StrataError(
        'TIMEOUT',
        `the Docker daemon at ${this.socketPath} did not answer in time`,
        detail,
      )
    }
    if (code === 'EACCES' || code === 'EPERM') {
      return new StrataError(
        'FORBIDDEN',
        `permission denied on the Docker socket ${this.socketPath} (${code}); your user needs access to it (for example the docker group)`,
        detail,
      )
    }
    return new StrataError(
      'NETWORK',
      `cannot reach the Docker daemon at ${this.socketPath} (${code ?? 'connection failed'}); is dockerd running?`,
      detail,
    )
  }
}

function errnoOf(error: unknown): string | undefined {
  let current = error as { code?: unknown; cause?: unknown } | null | undefined
  for (let depth = 0; current !== undefined && current !== null && depth < 4; depth++) {
    const code = current.code
    if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) return code
    current = current.cause as typeof current
  }
  return undefined
}

/** Image names go into the URL path as they are ("host/repo:tag"); IDs likewise. */
function imagePath(name: string): string {
  return encodeURI(name)
}
