// A small token server for the registry's `auth.token` mode, on a loopback port. It makes an
// EC P-256 (or RSA) key and a self-signed certificate with the openssl CLI (the certificate is
// the registry's rootcertbundle), and issues JWTs signed ES256/RS256 whose `x5c` header
// carries that certificate, with an `access` claim for the scopes it grants. It checks Basic
// credentials against a users map, can allow anonymous pulls, accepts OAuth2 POSTs with a
// refresh token, and records every request for assertions. Test code only.

import { execFile } from 'node:child_process'
import { X509Certificate, createPrivateKey, randomUUID, sign } from 'node:crypto'
import type { KeyObject } from 'node:crypto'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { createServer } from 'node:http'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'

export interface TokenServerOptions {
  /** username → password accepted with Basic auth (and the password grant). */
  readonly users?: Readonly<Record<string, string>>
  /** Anonymous requests get pull access on repositories (else a token granting nothing). */
  readonly anonymousPull?: boolean
  /** refresh token → username, for the OAuth2 refresh_token grant (docker's identity tokens). */
  readonly refreshTokens?: Readonly<Record<string, string>>
  readonly service?: string
  readonly issuer?: string
  readonly expiresInSeconds?: number
  readonly algorithm?: 'ES256' | 'RS256'
}

export interface ScopeAccess {
  readonly type: string
  readonly name: string
  readonly actions: readonly string[]
}

export interface TokenRequestRecord {
  readonly method: string
  readonly scopes: readonly string[]
  /** The user the request authenticated as; undefined when anonymous. */
  readonly user?: string
  /** Whether an Authorization header came at all. */
  readonly hadAuthorization: boolean
  readonly status: number
  readonly granted: readonly ScopeAccess[]
}

export interface RunningTokenServer {
  /** "http://127.0.0.1:PORT" */
  readonly url: string
  /** The realm registries send clients to: url + "/token". */
  readonly realm: string
  readonly service: string
  readonly issuer: string
  /** The PEM certificate the registry trusts (its auth.token.rootcertbundle). */
  readonly rootCertBundlePath: string
  /** Every token request seen, oldest first. */
  readonly requests: TokenRequestRecord[]
  /** The `auth` option for startRegistry. */
  registryAuth(): {
    kind: 'token'
    realm: string
    service: string
    issuer: string
    rootCertBundlePath: string
  }
  stop(): Promise<void>
}

const run = promisify(execFile)

export async function startTokenServer(
  options: TokenServerOptions = {},
): Promise<RunningTokenServer> {
  const algorithm = options.algorithm ?? 'ES256'
  const service = options.service ?? 'strata-test-registry'
  const issuer = options.issuer ?? 'strata-test-token-issuer'
  const workDir = await mkdtemp(join(tmpdir(), 'strata-token-'))
  const keyPath = join(workDir, 'key.pem')
  const certPath = join(workDir, 'cert.pem')
  const keySpec =
    algorithm === 'ES256'
      ? ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1']
      : ['-newkey', 'rsa:2048']
  await run('openssl', [
    'req',
    '-x509',
    ...keySpec,
    '-nodes',
    '-keyout',
    keyPath,
    '-out',
    certPath,
    '-days',
    '2',
    '-subj',
    '/CN=strata-test-token-issuer',
  ])
  const key = createPrivateKey(await readFile(keyPath))
  const certDer = new X509Certificate(await readFile(certPath)).raw.toString('base64')
  const requests: TokenRequestRecord[] = []

  const signer: JwtSigner = { algorithm, key, x5c: [certDer], issuer, service }
  const server = createServer((req, res) => {
    void handle(req, res, options, signer, requests).catch(() => {
      if (!res.headersSent) res.writeHead(500)
      res.end()
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  const url = `http://127.0.0.1:${port}`
  return {
    url,
    realm: `${url}/token`,
    service,
    issuer,
    rootCertBundlePath: certPath,
    requests,
    registryAuth: () => ({
      kind: 'token',
      realm: `${url}/token`,
      service,
      issuer,
      rootCertBundlePath: certPath,
    }),
    stop: async () => {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      await rm(workDir, { recursive: true, force: true })
    },
  }
}

interface JwtSigner {
  readonly algorithm: 'ES256' | 'RS256'
  readonly key: KeyObject
  readonly x5c: readonly string[]
  readonly issuer: string
  readonly service: string
}

async function handle(
  req: IncomingMessage,
  res: ServerResponse,
  options: TokenServerOptions,
  signer: JwtSigner,
  requests: TokenRequestRecord[],
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://token.invalid')
  if (url.pathname !== '/token') return reply(res, 404, { error: 'not found' })
  const hadAuthorization = req.headers.authorization !== undefined
  let scopes: string[]
  let user: string | undefined
  let denied = false
  if (req.method === 'POST') {
    const form = new URLSearchParams(await readText(req))
    scopes = form
      .getAll('scope')
      .flatMap((s) => s.split(' '))
      .filter(Boolean)
    if (form.get('grant_type') === 'refresh_token') {
      user = options.refreshTokens?.[form.get('refresh_token') ?? '']
    } else if (form.get('grant_type') === 'password') {
      const name = form.get('username') ?? ''
      user = options.users?.[name] === form.get('password') ? name : undefined
    }
    denied = user === undefined
  } else {
    scopes = url.searchParams
      .getAll('scope')
      .flatMap((s) => s.split(' '))
      .filter(Boolean)
    const basic = parseBasic(req.headers.authorization)
    if (basic !== undefined) {
      if (options.users?.[basic.user] !== basic.password) denied = true
      else user = basic.user
    } else if (hadAuthorization) {
      denied = true
    }
  }
  if (denied) {
    requests.push({
      method: req.method ?? 'GET',
      scopes,
      hadAuthorization,
      status: 401,
      granted: [],
    })
    res.setHeader('www-authenticate', 'Basic realm="strata-test-token"')
    return reply(res, 401, { errors: [{ code: 'UNAUTHORIZED', message: 'bad credentials' }] })
  }
  const granted = scopes.flatMap((s) => grant(parseScope(s), user, options))
  const expiresIn = options.expiresInSeconds ?? 300
  const token = signJwt(signer, user ?? '', granted, expiresIn)
  requests.push({
    method: req.method ?? 'GET',
    scopes,
    ...(user !== undefined ? { user } : {}),
    hadAuthorization,
    status: 200,
    granted,
  })
  const issuedAt = new Date().toISOString()
  if (req.method === 'POST') {
    return reply(res, 200, {
      access_token: token,
      expires_in: expiresIn,
      issued_at: issuedAt,
      scope: scopes.join(' '),
    })
  }
  return reply(res, 200, { token, access_token: token, expires_in: expiresIn, issued_at: issuedAt })
}

/** "repository:team/a/b:pull,push" → type, name, actions (the name may itself hold ':'). */
export function parseScope(scope: string): ScopeAccess | undefined {
  const first = scope.indexOf(':')
  const last = scope.lastIndexOf(':')
  if (first < 0 || last <= first) return undefined
  return {
    type: scope.slice(0, first),
    name: scope.slice(first + 1, last),
    actions: scope
      .slice(last + 1)
      .split(',')
      .filter(Boolean),
  }
}

function grant(
  access: ScopeAccess | undefined,
  user: string | undefined,
  options: TokenServerOptions,
): ScopeAccess[] {
  if (access === undefined) return []
  if (user !== undefined) return [access]
  if (
    options.anonymousPull === true &&
    access.type === 'repository' &&
    access.actions.includes('pull')
  ) {
    return [{ ...access, actions: ['pull'] }]
  }
  return []
}

function signJwt(
  signer: JwtSigner,
  subject: string,
  access: readonly ScopeAccess[],
  expiresIn: number,
): string {
  const now = Math.floor(Date.now() / 1000)
  const header = { typ: 'JWT', alg: signer.algorithm, x5c: signer.x5c }
  const claims = {
    iss: signer.issuer,
    sub: subject,
    aud: signer.service,
    exp: now + expiresIn,
    nbf: now - 10,
    iat: now,
    jti: randomUUID(),
    access,
  }
  const input = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(claims))}`
  // JWS wants the raw r||s form of an ECDSA signature, not DER.
  const signature =
    signer.algorithm === 'ES256'
      ? sign('sha256', Buffer.from(input), { key: signer.key, dsaEncoding: 'ieee-p1363' })
      : sign('sha256', Buffer.from(input), signer.key)
  return `${input}.${base64url(signature)}`
}

function base64url(data: string | Buffer): string {
  return Buffer.from(data).toString('base64url')
}

function parseBasic(header: string | undefined): { user: string; password: string } | undefined {
  const match = /^Basic\s+(\S+)$/i.exec(header ?? '')
  if (!match) return undefined
  const decoded = Buffer.from(match[1] ?? '', 'base64').toString('utf8')
  const colon = decoded.indexOf(':')
  if (colon < 0) return undefined
  return { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) }
}

async function readText(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of req as AsyncIterable<Buffer>) chunks.push(chunk)
  return Buffer.concat(chunks).toString('utf8')
}

function reply(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' })
  res.end(JSON.stringify(body))
}
