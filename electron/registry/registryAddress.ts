// Normalizing what a user types as a registry address: "HTTPS://Registry.Example.com:5000/v2/"
// becomes "registry.example.com:5000". An http:// prefix on a non-loopback host means the user
// asks for plain http (insecure); anything that is not host[:port] is refused.

import { StrataError } from '../../shared/errors'
import { isLoopbackHost } from '../../shared/reference'
import { checkRegistryHost } from './registryClient'

export interface NormalizedAddress {
  /** host[:port], lowercase; Docker Hub's aliases become "docker.io". */
  readonly host: string
  /** The address started with http://. */
  readonly httpRequested: boolean
}

const DOCKER_HUB_ALIASES = new Set([
  'index.docker.io',
  'registry-1.docker.io',
  'registry.hub.docker.com',
])

export function normalizeRegistryAddress(address: string): NormalizedAddress {
  let text = address.trim()
  if (text === '') throw new StrataError('BAD_INPUT', 'the registry address is empty')
  let httpRequested = false
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(text)
  if (scheme) {
    const name = (scheme[1] ?? '').toLowerCase()
    if (name !== 'http' && name !== 'https' && name !== 'docker') {
      throw badAddress(address, `"${name}://" is not a registry scheme (use https:// or http://)`)
    }
    httpRequested = name === 'http'
    text = text.slice(scheme[0].length)
  }
  const authority = text.split(/[/?#]/)[0] ?? ''
  if (authority.includes('@')) {
    throw badAddress(
      address,
      'put credentials in the username and password fields, not in the address',
    )
  }
  const host = checkRegistryHost(authority)
  const port = /:(\d+)$/.exec(host)?.[1]
  if (port !== undefined && (Number(port) < 1 || Number(port) > 65535)) {
    throw badAddress(address, `port ${port} is outside 1-65535`)
  }
  return { host: DOCKER_HUB_ALIASES.has(host) ? 'docker.io' : host, httpRequested }
}

/** Plain http for this entry: loopback always, else only when asked for. */
export function entryIsInsecure(
  host: string,
  insecureFlag: boolean | undefined,
  httpRequested: boolean,
): boolean {
  return isLoopbackHost(host) || insecureFlag === true || httpRequested
}

function badAddress(address: string, why: string): StrataError {
  return new StrataError('BAD_INPUT', `"${address}" is not a registry address: ${why}`, {
    subject: address,
  })
}
