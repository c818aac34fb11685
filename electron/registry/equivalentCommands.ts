// The commands a user could type to fetch the same registry object themselves: skopeo, crane
// and curl. Every part comes from a validated reference, and is shell-quoted anyway.

import type { EquivalentCommand } from '../../shared/api'
import { manifestAcceptHeader } from './manifests'

export interface CommandTarget {
  /** Registry name as users write it: "docker.io", "127.0.0.1:5000". */
  readonly registry: string
  readonly repository: string
  /** Tag of the image the source was opened with, when there was one. */
  readonly tag?: string
  /** Digest of the object the commands fetch; the image's tag is used when absent. */
  readonly digest?: string
  readonly kind: 'manifest' | 'blob'
  /** API origin: "https://registry-1.docker.io", "http://127.0.0.1:5000". */
  readonly apiOrigin: string
}

export function registryCommands(target: CommandTarget): EquivalentCommand[] {
  const plainHttp = target.apiOrigin.startsWith('http:')
  const name = `${target.registry}/${target.repository}`
  const byDigest = target.digest !== undefined ? `${name}@${target.digest}` : undefined
  const byTag = `${name}:${target.tag ?? 'latest'}`
  const imageRef = byDigest ?? byTag
  const skopeoTls = plainHttp ? ' --tls-verify=false' : ''
  const craneInsecure = plainHttp ? ' --insecure' : ''
  const isHub = target.registry === 'docker.io'
  const out: EquivalentCommand[] = []

  if (target.kind === 'manifest') {
    out.push({
      tool: 'skopeo',
      command: `skopeo inspect${skopeoTls} --raw ${quote(`docker://${imageRef}`)}`,
    })
    out.push({ tool: 'crane', command: `crane manifest${craneInsecure} ${quote(imageRef)}` })
    const reference = target.digest ?? target.tag ?? 'latest'
    out.push({
      tool: 'curl',
      command: `curl -sL -H ${quote(`Accept: ${manifestAcceptHeader()}`)} ${quote(
        `${target.apiOrigin}/v2/${target.repository}/manifests/${reference}`,
      )}`,
      ...(isHub ? { note: { kind: 'hubToken' } as const } : {}),
    })
    return out
  }

  // Commands that fetch the blob's own bytes (a layer: its compressed tar) come first.
  if (byDigest !== undefined) {
    out.push({
      tool: 'curl',
      command: `curl -sL ${quote(`${target.apiOrigin}/v2/${target.repository}/blobs/${target.digest}`)}`,
      note: { kind: 'blobToStdout', hubToken: isHub },
    })
    out.push({ tool: 'crane', command: `crane blob${craneInsecure} ${quote(byDigest)}` })
  }
  // skopeo cannot fetch one blob by digest: it copies the whole image, this blob among its files.
  out.push({
    tool: 'skopeo',
    command: `skopeo copy${skopeoTls} ${quote(`docker://${byTag}`)} ${quote('dir:./image')}`,
    note:
      target.digest !== undefined
        ? { kind: 'copyImage', blobFile: target.digest.replace(/^[^:]+:/, '') }
        : { kind: 'copyImage' },
  })
  return out
}

/** Single-quotes a shell word unless it is made only of safe characters. */
export function quote(word: string): string {
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(word)) return word
  return `'${word.replace(/'/g, `'\\''`)}'`
}
