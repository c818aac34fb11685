// Registry credentials and where they come from. A CredentialProvider answers for one
// registry host; the chain asks the in-app store first, then the files users keep
// (~/.docker/config.json, containers auth.json, credential helpers). Secrets never go into
// messages or logs: only `source` and `username` may be shown.

export interface Credentials {
  readonly username?: string
  readonly password?: string
  /** OAuth2 refresh token (docker's "identitytoken"), exchanged at the token endpoint. */
  readonly identityToken?: string
  /** A bearer token sent to the registry as it is (docker's "registrytoken", an in-app token). */
  readonly registryToken?: string
  /** Where these came from, for messages: "~/.docker/config.json", "docker-credential-pass". */
  readonly source: string
}

export interface CredentialProvider {
  /** Credentials for a registry ("docker.io", "127.0.0.1:5000"), or undefined if none. */
  get(host: string): Promise<Credentials | undefined>
}

/** Asks each provider in turn; the first that has credentials wins. */
export class CredentialChain implements CredentialProvider {
  constructor(private readonly providers: readonly CredentialProvider[]) {}

  async get(host: string): Promise<Credentials | undefined> {
    for (const provider of this.providers) {
      const found = await provider.get(host)
      if (found !== undefined) return found
    }
    return undefined
  }
}

/** A provider that never has credentials (anonymous access only). */
export const noCredentials: CredentialProvider = { get: () => Promise.resolve(undefined) }

/** True when the credentials can be used for anything at all. */
export function isUsable(c: Credentials | undefined): c is Credentials {
  if (c === undefined) return false
  return (
    (c.username !== undefined && c.password !== undefined) ||
    nonEmpty(c.identityToken) ||
    nonEmpty(c.registryToken)
  )
}

/** "user alice from ~/.docker/config.json": safe to show, never includes a secret. */
export function describeCredentials(c: Credentials): string {
  const who = c.username !== undefined && c.username !== '' ? `user ${c.username}` : 'a token'
  return `${who} from ${c.source}`
}

/** Docker Hub's many spellings; config files usually key it as https://index.docker.io/v1/. */
const DOCKER_HUB_ALIASES = ['docker.io', 'index.docker.io', 'registry-1.docker.io']
export const DOCKER_HUB_CONFIG_KEY = 'https://index.docker.io/v1/'

/** The server URL a credential helper expects for a host. */
export function helperServerUrl(host: string): string {
  return isDockerHub(host) ? DOCKER_HUB_CONFIG_KEY : host
}

export function isDockerHub(host: string): boolean {
  return DOCKER_HUB_ALIASES.includes(host.toLowerCase())
}

/**
 * The hostname a config key names: "https://host:5000/v1/" → "host:5000", "host/ns" →
 * "host". Docker Hub's aliases all become "docker.io".
 */
export function hostOfCredentialKey(key: string): string {
  let rest = key.trim().toLowerCase()
  const scheme = /^[a-z][a-z0-9+.-]*:\/\//.exec(rest)
  if (scheme) rest = rest.slice(scheme[0].length)
  const host = rest.split('/')[0] ?? ''
  return isDockerHub(host) ? 'docker.io' : host
}

/**
 * The key of `entries` that holds credentials for `host`: an exact spelling first (host,
 * https://host, host/v1/ …), then any key whose hostname is the host. Undefined if none.
 */
export function findCredentialKey(keys: readonly string[], host: string): string | undefined {
  const wanted = isDockerHub(host) ? 'docker.io' : host.toLowerCase()
  const exact = exactSpellings(wanted)
  for (const spelling of exact) {
    const hit = keys.find((k) => k.toLowerCase() === spelling)
    if (hit !== undefined) return hit
  }
  return keys.find((k) => hostOfCredentialKey(k) === wanted)
}

function exactSpellings(host: string): string[] {
  const hosts = host === 'docker.io' ? [DOCKER_HUB_CONFIG_KEY, ...DOCKER_HUB_ALIASES] : [host]
  return hosts.flatMap((h) =>
    h.includes('://')
      ? [h]
      : [h, `https://${h}`, `http://${h}`, `${h}/v1/`, `https://${h}/v1/`, `https://${h}/v2/`],
  )
}

function nonEmpty(s: string | undefined): boolean {
  return s !== undefined && s !== ''
}
