// containerd's own API over its unix socket, through @grpc/grpc-js: namespaces, images and the
// content store, read only. Every call carries a deadline and follows the caller's
// AbortSignal; the namespace travels in the `containerd-namespace` metadata, as containerd's
// own client sends it. Answers are checked field by field before anyone uses them.

import { Readable } from 'node:stream'
import * as grpc from '@grpc/grpc-js'
import { StrataError } from '../../../shared/errors'
import { CONTAINERD_METHODS } from './containerdProtocol'
import type { ContainerdMethod } from './containerdProtocol'
import {
  stringField,
  numberOf,
  sizeField,
  objectField,
  arrayField,
  labelsField,
  timestampField,
} from './containerdFields'

/** How long one unary call may take, and how long a read may wait for its next chunk. */
export interface ContainerdDeadlines {
  readonly callMs: number
  readonly readIdleMs: number
}

export const DEFAULT_CONTAINERD_DEADLINES: ContainerdDeadlines = Object.freeze({
  callMs: 15_000,
  readIdleMs: 30_000,
})

const NAMESPACE_HEADER = 'containerd-namespace'
const MAX_MESSAGE_BYTES = 64 * 1024 * 1024

export interface ContainerdDescriptor {
  readonly mediaType: string
  readonly digest: string
  readonly size: number
}

export interface ContainerdImage {
  readonly name: string
  readonly target: ContainerdDescriptor
  readonly labels: Readonly<Record<string, string>>
  /** ISO time the image record was created, when containerd says. */
  readonly created?: string
}

export interface ContentInfo {
  readonly digest: string
  readonly size: number
}

export class ContainerdClient {
  private readonly client: grpc.Client

  constructor(
    readonly socketPath: string,
    private readonly deadlines: ContainerdDeadlines = DEFAULT_CONTAINERD_DEADLINES,
  ) {
    this.client = new grpc.Client(`unix://${socketPath}`, grpc.credentials.createInsecure(), {
      'grpc.max_receive_message_length': MAX_MESSAGE_BYTES,
      // An idle channel closes soon, so a source nobody reads keeps no connection open.
      'grpc.client_idle_timeout_ms': 10_000,
      // No channelz registry: it would hold every client a source opened and never closed.
      'grpc.enable_channelz': 0,
    })
  }

  async listNamespaces(signal?: AbortSignal): Promise<readonly string[]> {
    const answer = await this.unary(CONTAINERD_METHODS.listNamespaces, undefined, {}, signal, {
      what: 'the namespace list',
    })
    return arrayField(answer, 'namespaces', this.socketPath).map((item) =>
      stringField(item, 'name', this.socketPath),
    )
  }

  async listImages(namespace: string, signal?: AbortSignal): Promise<readonly ContainerdImage[]> {
    const answer = await this.unary(CONTAINERD_METHODS.listImages, namespace, {}, signal, {
      what: `the images of namespace ${namespace}`,
    })
    return arrayField(answer, 'images', this.socketPath).map((item) => this.image(item))
  }

  async getImage(namespace: string, name: string, signal?: AbortSignal): Promise<ContainerdImage> {
    const answer = await this.unary(CONTAINERD_METHODS.getImage, namespace, { name }, signal, {
      what: `image ${name}`,
      notFound: `containerd at ${this.socketPath} has no image "${name}" in namespace ${namespace}`,
      subject: name,
    })
    return this.image(objectField(answer, 'image', this.socketPath))
  }

  async contentInfo(namespace: string, digest: string, signal?: AbortSignal): Promise<ContentInfo> {
    const answer = await this.unary(CONTAINERD_METHODS.contentInfo, namespace, { digest }, signal, {
      what: `blob ${digest}`,
      notFound: notInContentStore(digest, namespace, this.socketPath),
      subject: digest,
    })
    const info = objectField(answer, 'info', this.socketPath)
    return {
      digest: stringField(info, 'digest', this.socketPath),
      size: sizeField(info, 'size', this.socketPath),
    }
  }

  /**
   * `length` bytes of a blob from `offset` (0 = to the end), as a byte stream. Chunks must come
   * in order and add up to `length` when one is given; a read that stalls for readIdleMs while
   * its reader is waiting fails with TIMEOUT.
   */
  readContent(
    namespace: string,
    digest: string,
    range: { readonly offset: number; readonly length: number },
    signal?: AbortSignal,
  ): Readable {
    const method = CONTAINERD_METHODS.readContent
    const call = this.client.makeServerStreamRequest(
      method.path,
      method.requestSerialize,
      method.responseDeserialize,
      { digest, offset: range.offset, size: range.length },
      namespaceMetadata(namespace),
    )
    const context: CallContext = {
      what: `blob ${digest}`,
      notFound: notInContentStore(digest, namespace, this.socketPath),
      subject: digest,
    }
    return new ContentStream(call, range, this.deadlines.readIdleMs, signal, (error) =>
      this.failure(error, context, signal),
    )
  }

  close(): void {
    this.client.close()
  }

  private image(item: unknown): ContainerdImage {
    const target = objectField(item, 'target', this.socketPath)
    const created = timestampField(item, 'created_at')
    return {
      name: stringField(item, 'name', this.socketPath),
      target: {
        mediaType: stringField(target, 'media_type', this.socketPath),
        digest: stringField(target, 'digest', this.socketPath),
        size: sizeField(target, 'size', this.socketPath),
      },
      labels: labelsField(item),
      ...(created !== undefined ? { created } : {}),
    }
  }

  private unary(
    method: ContainerdMethod,
    namespace: string | undefined,
    request: object,
    signal: AbortSignal | undefined,
    context: CallContext,
  ): Promise<unknown> {
    if (signal?.aborted) {
      return Promise.reject(this.failure(new Error('aborted'), context, signal))
    }
    return new Promise((resolve, reject) => {
      const metadata = namespace === undefined ? new grpc.Metadata() : namespaceMetadata(namespace)
      const call = this.client.makeUnaryRequest(
        method.path,
        method.requestSerialize,
        method.responseDeserialize,
        request,
        metadata,
        { deadline: Date.now() + this.deadlines.callMs },
        (error, value) => {
          signal?.removeEventListener('abort', cancel)
          if (error) reject(this.failure(error, context, signal))
          else resolve(value)
        },
      )
      const cancel = (): void => call.cancel()
      signal?.addEventListener('abort', cancel, { once: true })
    })
  }

  /** A gRPC status as a StrataError that names the socket and what was asked for. */
  private failure(error: unknown, context: CallContext, signal?: AbortSignal): StrataError {
    if (error instanceof StrataError) return error
    const status = grpcStatusOf(error)
    const details =
      error instanceof Error && 'details' in error ? String(error.details) : String(error)
    const socket = this.socketPath
    const detail = {
      subject: context.subject ?? socket,
      host: socket,
      cause: details.slice(0, 200),
    }
    if (signal?.aborted || status === grpc.status.CANCELLED) {
      return new StrataError(
        'CANCELLED',
        `reading ${context.what} from containerd was cancelled`,
        detail,
      )
    }
    switch (status) {
      case grpc.status.NOT_FOUND:
        return new StrataError(
          'NOT_FOUND',
          context.notFound ?? `containerd at ${socket} has no ${context.what}`,
          detail,
        )
      case grpc.status.DEADLINE_EXCEEDED:
        return new StrataError(
          'TIMEOUT',
          `containerd at ${socket} did not answer for ${context.what} in time`,
          detail,
        )
      case grpc.status.PERMISSION_DENIED:
      case grpc.status.UNAUTHENTICATED:
        return new StrataError(
          'FORBIDDEN',
          `containerd at ${socket} refused ${context.what}: ${details}`,
          detail,
        )
      case grpc.status.INVALID_ARGUMENT:
      case grpc.status.FAILED_PRECONDITION:
        return new StrataError(
          'BAD_INPUT',
          `containerd at ${socket} refused ${context.what}: ${details}`,
          detail,
        )
      case grpc.status.UNAVAILABLE: {
        const errno = /\b(E[A-Z]{3,})\b/.exec(details)?.[1]
        if (errno === 'EACCES' || errno === 'EPERM') {
          return new StrataError(
            'FORBIDDEN',
            `permission denied on the containerd socket ${socket} (${errno}); your user needs access to it`,
            detail,
          )
        }
        return new StrataError(
          'NETWORK',
          `cannot reach containerd at ${socket} (${errno ?? 'no answer'}); is containerd running there?`,
          detail,
        )
      }
      default:
        return new StrataError(
          'SERVER_ERROR',
          `containerd at ${socket} failed on ${context.what}: ${details}`,
          detail,
        )
    }
  }
}

interface CallContext {
  readonly what: string
  readonly notFound?: string
  readonly subject?: string
}

function notInContentStore(digest: string, namespace: string, socket: string): string {
  return `blob ${digest} is not in the content store of namespace ${namespace} (containerd at ${socket})`
}

function namespaceMetadata(namespace: string): grpc.Metadata {
  const metadata = new grpc.Metadata()
  metadata.set(NAMESPACE_HEADER, namespace)
  return metadata
}

function grpcStatusOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined
  return typeof error.code === 'number' ? error.code : undefined
}

/**
 * The server stream of ReadContentResponse messages as plain bytes. Back-pressure pauses the
 * call; the idle deadline runs only while this stream's reader is waiting for bytes.
 */
class ContentStream extends Readable {
  private position: number
  /** What to add to a chunk's offset to get its place in the blob. */
  private base: number | undefined
  private timer: NodeJS.Timeout | undefined
  private readonly onAbort = (): void => {
    this.destroy(this.mapError(new Error('aborted')))
  }

  constructor(
    private readonly call: grpc.ClientReadableStream<unknown>,
    private readonly range: { readonly offset: number; readonly length: number },
    private readonly idleMs: number,
    private readonly signal: AbortSignal | undefined,
    private readonly mapError: (error: unknown) => StrataError,
  ) {
    super()
    this.position = range.offset
    call.pause()
    call.on('data', (message: unknown) => this.receive(message))
    call.on('end', () => this.finish())
    call.on('error', (error: unknown) => this.destroy(this.mapError(error)))
    if (signal?.aborted) queueMicrotask(this.onAbort)
    else signal?.addEventListener('abort', this.onAbort, { once: true })
  }

  override _read(): void {
    this.timer ??= setTimeout(() => {
      this.destroy(
        this.mapError({
          code: grpc.status.DEADLINE_EXCEEDED,
          details: `no bytes for ${this.idleMs} ms`,
        }),
      )
    }, this.idleMs)
    this.call.resume()
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    this.stopTimer()
    this.signal?.removeEventListener('abort', this.onAbort)
    this.call.removeAllListeners('data')
    this.call.on('error', () => undefined) // the cancel below ends the call with CANCELLED
    this.call.cancel()
    callback(error)
  }

  private receive(message: unknown): void {
    this.stopTimer()
    const offset = numberOf(message, 'offset')
    const data =
      message !== null && typeof message === 'object' && 'data' in message
        ? message.data
        : undefined
    // containerd 1.x numbers chunks from the start of the read, not of the blob; accept
    // either numbering, decided by the first chunk, and then insist on it.
    this.base ??= offset === 0 ? this.range.offset : 0
    if (
      !(data instanceof Uint8Array) ||
      offset === undefined ||
      offset + this.base !== this.position
    ) {
      this.destroy(
        new StrataError(
          'MALFORMED',
          `containerd sent a read chunk at offset ${String(offset)} where ${this.position - (this.base ?? 0)} was expected`,
        ),
      )
      return
    }
    this.position += data.byteLength
    if (this.range.length > 0 && this.position > this.range.offset + this.range.length) {
      this.destroy(this.lengthError())
      return
    }
    if (!this.push(data)) this.call.pause()
  }

  private finish(): void {
    this.stopTimer()
    if (this.range.length > 0 && this.position !== this.range.offset + this.range.length) {
      this.destroy(this.lengthError())
      return
    }
    this.push(null)
  }

  private lengthError(): StrataError {
    const got = this.position - this.range.offset
    return new StrataError(
      'SIZE_MISMATCH',
      `containerd sent ${got} bytes for a read of ${this.range.length} bytes at offset ${this.range.offset}`,
    )
  }

  private stopTimer(): void {
    if (this.timer !== undefined) clearTimeout(this.timer)
    this.timer = undefined
  }
}
