// Commands a user can type to see the same object Strata shows from a local store: skopeo for
// every transport it knows, podman and docker for their own stores, and plain tar / cat / jq
// for the bytes themselves.

import type { EquivalentCommand } from '../../../shared/api'
import { isDigest, parseDigest } from '../../../shared/digest'
import { shellQuote } from '../oci-layout/ociLayoutCommands'

// Plain file reads (tar, jq, ls) are shell commands, not any one tool's.
const FILE_TOOL: EquivalentCommand['tool'] = 'shell'

export interface CommandTarget {
  readonly digest?: string
  readonly kind: 'manifest' | 'blob'
}

/** The target is the root the source opened (no digest, or the root's digest). */
function isRoot(target: CommandTarget, rootDigest: string | undefined): boolean {
  return target.digest === undefined || target.digest === rootDigest
}

function skopeoPair(transportRef: string, prefix = ''): EquivalentCommand[] {
  const ref = shellQuote(transportRef)
  return [
    {
      tool: 'skopeo',
      command: `${prefix}skopeo inspect --raw ${ref} | jq .`,
      note: { kind: 'rawManifest' },
    },
    {
      tool: 'skopeo',
      command: `${prefix}skopeo inspect ${ref}`,
      note: { kind: 'imageSummary', forThisMachine: false },
    },
  ]
}

/** A member read out of a tar: `tar -xOf ARCHIVE MEMBER`, as JSON or as a layer listing. */
function tarMember(archive: string, member: string, kind: 'json' | 'layer'): EquivalentCommand {
  const read = `tar -xOf ${shellQuote(archive)} ${shellQuote(member)}`
  return kind === 'json'
    ? { tool: FILE_TOOL, command: `${read} | jq .`, note: { kind: 'archiveMember' } }
    : { tool: FILE_TOOL, command: `${read} | tar -tv`, note: { kind: 'archiveLayer' } }
}

export function ociArchiveCommands(
  path: string,
  reference: string | undefined,
  rootDigest: string | undefined,
  target: CommandTarget,
): readonly EquivalentCommand[] {
  const commands: EquivalentCommand[] = []
  if (target.kind === 'manifest' && isRoot(target, rootDigest)) {
    commands.push(...skopeoPair(`oci-archive:${path}${reference ? `:${reference}` : ''}`))
  }
  if (target.digest !== undefined && isDigest(target.digest)) {
    const { algorithm, encoded } = parseDigest(target.digest)
    const member = `blobs/${algorithm}/${encoded}`
    commands.push(tarMember(path, member, target.kind === 'manifest' ? 'json' : 'layer'))
  }
  return commands
}

export interface ArchiveCommandContext {
  readonly archive: string
  /** NAME:TAG or @N, as the user would type it after the path. */
  readonly entryRef: string
  readonly rootDigest: string | undefined
  /** The member holding a blob, for digests the source knows. */
  readonly memberOf: (digest: string) => string | undefined
  readonly configDigest: string
}

export function dockerArchiveCommands(
  context: ArchiveCommandContext,
  target: CommandTarget,
): readonly EquivalentCommand[] {
  const commands: EquivalentCommand[] = []
  if (target.kind === 'manifest' && isRoot(target, context.rootDigest)) {
    commands.push({
      tool: FILE_TOOL,
      command: `tar -xOf ${shellQuote(context.archive)} manifest.json | jq .`,
      note: { kind: 'dockerSaveManifest' },
    })
    const pair = skopeoPair(`docker-archive:${context.archive}:${context.entryRef}`)
    commands.push(
      ...pair.map((c, i) =>
        i === 0 ? { ...c, note: { kind: 'synthesizedManifest', from: 'archive' } as const } : c,
      ),
    )
  }
  const member = target.digest !== undefined ? context.memberOf(target.digest) : undefined
  if (member !== undefined && target.digest !== undefined) {
    const isJson = target.kind === 'manifest' || target.digest === context.configDigest
    commands.push(tarMember(context.archive, member, isJson ? 'json' : 'layer'))
  }
  return commands
}

export function dirCommands(
  path: string,
  rootDigest: string | undefined,
  target: CommandTarget,
): readonly EquivalentCommand[] {
  const commands: EquivalentCommand[] = []
  if (target.kind === 'manifest' && isRoot(target, rootDigest)) {
    commands.push(...skopeoPair(`dir:${path}`))
    commands.push({
      tool: FILE_TOOL,
      command: `jq . ${shellQuote(`${path}/manifest.json`)}`,
      note: { kind: 'manifestFile' },
    })
    return commands
  }
  if (target.digest !== undefined && isDigest(target.digest)) {
    const file = shellQuote(`${path}/${parseDigest(target.digest).encoded}`)
    commands.push(
      target.kind === 'manifest'
        ? { tool: FILE_TOOL, command: `jq . ${file}`, note: { kind: 'objectFile' } }
        : { tool: FILE_TOOL, command: `jq . ${file}`, note: { kind: 'blobFile', file } },
    )
  }
  return commands
}

export interface StorageCommandContext {
  /** "[overlay@/graph+/run]" or "" for the default store. */
  readonly storeSpec: string
  /** podman's --root/--runroot/--storage-driver flags for a non-default store, or "". */
  readonly podmanFlags: string
  readonly image: string
  readonly rootDigest: string | undefined
  /** The layer record path and diff directory for a layer's diff digest. */
  readonly layerOf: (
    digest: string,
  ) => { readonly id: string; readonly diffDir: string } | undefined
  readonly layersJson: string
}

export function containersStorageCommands(
  context: StorageCommandContext,
  target: CommandTarget,
): readonly EquivalentCommand[] {
  const image = shellQuote(context.image)
  const podman = `podman${context.podmanFlags}`
  const commands: EquivalentCommand[] = []
  if (target.kind === 'manifest' && isRoot(target, context.rootDigest)) {
    commands.push(...skopeoPair(`containers-storage:${context.storeSpec}${context.image}`))
    commands[0] = {
      ...(commands[0] as EquivalentCommand),
      note: { kind: 'storedManifest' },
    }
    commands.push(
      {
        tool: 'podman',
        command: `${podman} image inspect ${image}`,
        note: { kind: 'storeImage', tool: 'podman' },
      },
      {
        tool: 'podman',
        command: `${podman} image history ${image}`,
        note: { kind: 'buildSteps' },
      },
    )
    return commands
  }
  const layer = target.digest !== undefined ? context.layerOf(target.digest) : undefined
  if (layer !== undefined) {
    commands.push(
      {
        tool: FILE_TOOL,
        command: `jq '.[] | select(.id == "${layer.id}")' ${shellQuote(context.layersJson)}`,
        note: { kind: 'storageLayerRecord' },
      },
      {
        tool: FILE_TOOL,
        command: `ls -la ${shellQuote(layer.diffDir)}`,
        note: { kind: 'layerDirectory' },
      },
    )
  } else if (target.kind === 'blob') {
    commands.push({
      tool: 'podman',
      command: `${podman} image inspect --format '{{json .Config}}' ${image} | jq .`,
      note: { kind: 'runtimeConfig' },
    })
  }
  return commands
}

export interface DaemonCommandContext {
  /** "-H unix:///path " when not the default socket, else "". */
  readonly hostFlag: string
  readonly daemonHost: string | undefined
  readonly image: string
  readonly rootDigest: string | undefined
  readonly memberOf: (digest: string) => string | undefined
  readonly configDigest: string
}

export function dockerDaemonCommands(
  context: DaemonCommandContext,
  target: CommandTarget,
): readonly EquivalentCommand[] {
  const image = shellQuote(context.image)
  const docker = `docker ${context.hostFlag}`
  const commands: EquivalentCommand[] = []
  if (target.kind === 'manifest' && isRoot(target, context.rootDigest)) {
    const daemonFlag = context.daemonHost ? `--daemon-host ${shellQuote(context.daemonHost)} ` : ''
    commands.push(
      {
        tool: 'docker',
        command: `${docker}image inspect ${image}`,
        note: { kind: 'storeImage', tool: 'docker' },
      },
      {
        tool: 'docker',
        command: `${docker}image history ${image}`,
        note: { kind: 'buildSteps' },
      },
      {
        tool: 'skopeo',
        command: `skopeo inspect ${daemonFlag}--raw ${shellQuote(`docker-daemon:${context.image}`)} | jq .`,
        note: { kind: 'synthesizedManifest', from: 'daemon' },
      },
    )
    return commands
  }
  const member = target.digest !== undefined ? context.memberOf(target.digest) : undefined
  if (member !== undefined) {
    const read = `${docker}save ${image} | tar -xOf - ${shellQuote(member)}`
    commands.push(
      target.digest === context.configDigest
        ? { tool: 'docker', command: `${read} | jq .`, note: { kind: 'exportedConfig' } }
        : { tool: 'docker', command: `${read} | tar -tv`, note: { kind: 'exportedLayer' } },
    )
  }
  return commands
}
