// What the manifest, blob and listing modules need to talk to one registry: its name, where
// its API lives and the authenticated request path.

import type { AuthorizedRequest, RegistryAuth } from './auth/registryAuth'
import { statusError } from './httpErrors'
import type { IncomingResponse } from './httpTransport'
import { readErrorBody } from './readBody'

export interface RegistryConnection {
  /** Registry name for messages and credentials: "docker.io", "127.0.0.1:5000". */
  readonly host: string
  /** Origin of the Distribution API: "https://registry-1.docker.io", "http://127.0.0.1:5000". */
  readonly baseUrl: URL
  readonly auth: RegistryAuth
}

/**
 * Sends an authorized request and returns the response when its status is one of `ok`;
 * anything else becomes the StrataError for that status (its body read for the envelope).
 */
export async function requestOk(
  connection: RegistryConnection,
  request: AuthorizedRequest,
  scope: string,
  ok: readonly number[] = [200],
): Promise<IncomingResponse> {
  const response = await connection.auth.send(request, scope)
  if (ok.includes(response.status)) return response
  const body = await readErrorBody(response.body, response.deadlines)
  throw statusError({
    status: response.status,
    headers: response.headers,
    body,
    host: connection.host,
    target: request.target,
  })
}

export function apiUrl(connection: RegistryConnection, pathAndQuery: string): URL {
  return new URL(pathAndQuery, connection.baseUrl)
}
