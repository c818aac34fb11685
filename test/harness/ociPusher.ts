// A small raw HTTP pusher for the Distribution API, for fixtures a copy tool would rewrite:
// Docker media types kept byte for byte, nested indexes, artifacts with `subject`, and bulk
// tags. Test code only: plain http to loopback, Basic auth or none.

export interface PushTarget {
  /** "127.0.0.1:PORT" */
  host: string
  username?: string
  password?: string
}

export type BlobLookup = (digest: string) => Uint8Array | undefined

export class RegistryPusher {
  private readonly base: string
  private readonly authHeader: Record<string, string>

  constructor(target: PushTarget) {
    this.base = `http://${target.host}`
    this.authHeader =
      target.username !== undefined
        ? {
            authorization: `Basic ${Buffer.from(`${target.username}:${target.password ?? ''}`).toString('base64')}`,
          }
        : {}
  }

  /** Uploads a blob unless the repository already has it (POST then monolithic PUT). */
  async pushBlob(repository: string, digest: string, bytes: Uint8Array): Promise<void> {
    const head = await this.request('HEAD', `/v2/${repository}/blobs/${digest}`)
    if (head.status === 200) return
    const start = await this.request('POST', `/v2/${repository}/blobs/uploads/`)
    await expectStatus(start, 202, `start upload of ${digest} to ${repository}`)
    const location = start.headers.get('location')
    if (!location) throw new Error(`registry gave no upload location for ${repository}`)
    const url = new URL(location, this.base)
    url.searchParams.set('digest', digest)
    const put = await this.request('PUT', url.toString(), bytes, 'application/octet-stream')
    await expectStatus(put, 201, `upload ${digest} to ${repository}`)
  }

  /** Pushes a manifest under a tag or digest; returns the digest the registry reports. */
  async pushManifest(
    repository: string,
    reference: string,
    bytes: Uint8Array,
    mediaType: string,
  ): Promise<string> {
    const put = await this.request(
      'PUT',
      `/v2/${repository}/manifests/${reference}`,
      bytes,
      mediaType,
    )
    await expectStatus(put, 201, `push manifest ${repository}:${reference}`)
    const digest = put.headers.get('docker-content-digest')
    if (!digest)
      throw new Error(`registry gave no Docker-Content-Digest for ${repository}:${reference}`)
    return digest
  }

  /**
   * Pushes a document and everything below it, children first (the registry refuses an index
   * whose manifests it has not seen). `blobs` must hold every digest reachable from `digest`.
   */
  async pushTree(
    repository: string,
    digest: string,
    mediaType: string,
    blobs: BlobLookup,
    tags: readonly string[] = [],
  ): Promise<void> {
    const bytes = blobs(digest)
    if (!bytes) throw new Error(`fixture blob ${digest} is missing`)
    const document = JSON.parse(new TextDecoder().decode(bytes)) as ChildLists
    for (const child of document.manifests ?? []) {
      await this.pushTree(repository, child.digest, child.mediaType, blobs)
    }
    const leaves = [...(document.config ? [document.config] : []), ...(document.layers ?? [])]
    for (const leaf of leaves) {
      const leafBytes = blobs(leaf.digest)
      if (!leafBytes) throw new Error(`fixture blob ${leaf.digest} is missing`)
      await this.pushBlob(repository, leaf.digest, leafBytes)
    }
    const references = tags.length > 0 ? tags : [digest]
    for (const reference of references) {
      const pushed = await this.pushManifest(repository, reference, bytes, mediaType)
      if (pushed !== digest) {
        throw new Error(
          `registry stored ${repository}:${reference} as ${pushed}, expected ${digest}`,
        )
      }
    }
  }

  /** Tags an existing manifest many times, a few requests at a time. */
  async pushTags(
    repository: string,
    tags: readonly string[],
    bytes: Uint8Array,
    mediaType: string,
    concurrency = 8,
  ): Promise<void> {
    let next = 0
    const worker = async (): Promise<void> => {
      while (next < tags.length) {
        const tag = tags[next++]
        if (tag !== undefined) await this.pushManifest(repository, tag, bytes, mediaType)
      }
    }
    await Promise.all(Array.from({ length: concurrency }, worker))
  }

  /** HEAD a manifest: the digest the registry serves for a tag, or undefined on 404. */
  async manifestDigest(
    repository: string,
    reference: string,
    accept: readonly string[],
  ): Promise<string | undefined> {
    const response = await this.request(
      'HEAD',
      `/v2/${repository}/manifests/${reference}`,
      undefined,
      undefined,
      {
        accept: accept.join(', '),
      },
    )
    if (response.status === 404) return undefined
    await expectStatus(response, 200, `HEAD ${repository}:${reference}`)
    return response.headers.get('docker-content-digest') ?? undefined
  }

  private async request(
    method: string,
    pathOrUrl: string,
    body?: Uint8Array,
    contentType?: string,
    headers: Record<string, string> = {},
  ): Promise<Response> {
    const url = pathOrUrl.startsWith('http') ? pathOrUrl : `${this.base}${pathOrUrl}`
    return fetch(url, {
      method,
      headers: {
        ...this.authHeader,
        ...headers,
        ...(contentType !== undefined ? { 'content-type': contentType } : {}),
      },
      ...(body !== undefined ? { body } : {}),
      signal: AbortSignal.timeout(30_000),
    })
  }
}

interface ChildLists {
  manifests?: readonly { digest: string; mediaType: string }[]
  config?: { digest: string }
  layers?: readonly { digest: string }[]
}

async function expectStatus(response: Response, status: number, what: string): Promise<void> {
  const text = await response.text()
  if (response.status !== status) {
    throw new Error(`${what}: registry answered ${response.status} ${text.slice(0, 500)}`)
  }
}
