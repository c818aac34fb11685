// Fetching a bearer token from the realm a registry named (distribution "token" auth):
//   GET realm?service=S&scope=repository:NAME:pull    (Basic credentials if we have them)
//   POST realm grant_type=refresh_token&…             (for an identity token, OAuth2 style)
// The answer is {"token"|"access_token", "expires_in", "issued_at"}.

import { StrataError } from '../../../shared/errors'
import type { Credentials } from '../credentials'
import { describeCredentials } from '../credentials'
import { statusError } from '../httpErrors'
import type { HttpTransport } from '../httpTransport'
import { parseJson, readCapped, readErrorBody } from '../readBody'
import type { TokenResponseTimes } from './tokenCache'

export interface BearerParams {
  readonly realm: string
  readonly service: string
}

export interface IssuedToken extends TokenResponseTimes {
  readonly token: string
}

const TOKEN_BODY_CAP = 256 * 1024
const CLIENT_ID = 'strata'

export async function requestToken(
  transport: HttpTransport,
  host: string,
  bearer: BearerParams,
  scope: string,
  credentials: Credentials | undefined,
  signal?: AbortSignal,
): Promise<IssuedToken> {
  let realm: URL
  try {
    realm = new URL(bearer.realm)
  } catch {
    throw new StrataError('MALFORMED', `${host} named a token service that is not a URL`, {
      host,
      subject: bearer.realm,
    })
  }
  const target = { kind: 'token', realm: realm.href } as const
  const scopes = scope.split(' ').filter(Boolean)
  const response =
    credentials?.identityToken !== undefined
      ? await transport.send({
          url: realm,
          method: 'POST',
          body: formBody([
            ['grant_type', 'refresh_token'],
            ['refresh_token', credentials.identityToken],
            ['service', bearer.service],
            ['client_id', CLIENT_ID],
            ...scopes.map((s): [string, string] => ['scope', s]),
          ]),
          signal,
          target,
        })
      : await transport.send({
          url: withQuery(realm, [
            ...(bearer.service !== '' ? [['service', bearer.service] as [string, string]] : []),
            ...scopes.map((s): [string, string] => ['scope', s]),
          ]),
          method: 'GET',
          headers: { accept: 'application/json' },
          ...(basicAuthorization(credentials) !== undefined
            ? { authorization: basicAuthorization(credentials) }
            : {}),
          signal,
          target,
        })

  if (response.status === 401) {
    await readErrorBody(response.body)
    const message =
      credentials !== undefined
        ? `${host} rejected the credentials (${describeCredentials(credentials)})`
        : `${host} requires you to sign in`
    throw new StrataError('AUTH_REQUIRED', message, { host, status: 401 })
  }
  if (response.status !== 200) {
    const body = await readErrorBody(response.body)
    throw statusError({ status: response.status, headers: response.headers, body, host, target })
  }
  const context = { host, what: 'the token answer', ...(signal ? { signal } : {}) }
  const parsed = parseJson(await readCapped(response, TOKEN_BODY_CAP, context), context)
  return readTokenAnswer(parsed, host)
}

export function basicAuthorization(credentials: Credentials | undefined): string | undefined {
  if (credentials?.username === undefined || credentials.password === undefined) return undefined
  const pair = `${credentials.username}:${credentials.password}`
  return `Basic ${Buffer.from(pair, 'utf8').toString('base64')}`
}

function readTokenAnswer(parsed: unknown, host: string): IssuedToken {
  const answer = (typeof parsed === 'object' && parsed !== null ? parsed : {}) as Record<
    string,
    unknown
  >
  const token =
    typeof answer.token === 'string' && answer.token !== ''
      ? answer.token
      : typeof answer.access_token === 'string' && answer.access_token !== ''
        ? answer.access_token
        : undefined
  if (token === undefined) {
    throw new StrataError('MALFORMED', `the token service of ${host} answered without a token`, {
      host,
    })
  }
  return {
    token,
    ...(typeof answer.expires_in === 'number' ? { expiresIn: answer.expires_in } : {}),
    ...(typeof answer.issued_at === 'string' ? { issuedAt: answer.issued_at } : {}),
  }
}

function withQuery(base: URL, params: readonly (readonly [string, string])[]): URL {
  const url = new URL(base.href)
  for (const [name, value] of params) url.searchParams.append(name, value)
  return url
}

function formBody(params: readonly (readonly [string, string])[]): string {
  const form = new URLSearchParams()
  for (const [name, value] of params) form.append(name, value)
  return form.toString()
}
