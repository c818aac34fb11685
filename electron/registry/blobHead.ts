// HEAD of a blob: what a registry says about a blob known only by its digest (a digest the
// user clicked), so a small read can then be capped and verified against a real size.

import { parseDigest } from '../../shared/digest'
import type { RequestTarget } from './httpErrors'
import { dump } from './httpTransport'
import { contentLength } from './readBody'
import type { RegistryConnection } from './registryConnection'
import { apiUrl, requestOk } from './registryConnection'
import { blobPath, pullScope } from './registryPaths'

export interface BlobHead {
  /** The Content-Length the registry declared; undefined when it sent none. */
  readonly size?: number
}

export async function headBlob(
  connection: RegistryConnection,
  repository: string,
  digest: string,
  signal?: AbortSignal,
): Promise<BlobHead> {
  parseDigest(digest)
  const target: RequestTarget = { kind: 'blob', repository, digest }
  const url = apiUrl(connection, blobPath(repository, digest))
  const response = await requestOk(
    connection,
    { url, method: 'HEAD', headers: {}, signal, target },
    pullScope(repository),
  )
  await dump(response.body)
  const size = contentLength(response)
  return size !== undefined ? { size } : {}
}
