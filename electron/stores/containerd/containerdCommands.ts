// Commands that show, by hand, what Strata reads from containerd: `ctr` (containerd's own
// client) for the image record and for any blob in the content store of the namespace.

import type { EquivalentCommand } from '../../../shared/api'
import { shellQuote } from '../oci-layout/ociLayoutCommands'
import { DEFAULT_CONTAINERD_SOCKET } from './containerdSocket'

export interface ContainerdCommandContext {
  readonly socketPath: string
  readonly namespace: string
  /** The image record's name, when the source was opened by name. */
  readonly imageName: string | undefined
  readonly rootDigest: string | undefined
}

export function containerdCommands(
  context: ContainerdCommandContext,
  target: { readonly digest?: string; readonly kind: 'manifest' | 'blob' },
): readonly EquivalentCommand[] {
  const address =
    context.socketPath === DEFAULT_CONTAINERD_SOCKET ? '' : `-a ${shellQuote(context.socketPath)} `
  const ctr = `ctr ${address}-n ${shellQuote(context.namespace)}`
  const commands: EquivalentCommand[] = []
  const digest = target.digest ?? context.rootDigest
  const isRoot = digest === undefined || digest === context.rootDigest
  if (target.kind === 'manifest' && isRoot && context.imageName !== undefined) {
    commands.push({
      tool: 'ctr',
      command: `${ctr} images ls ${shellQuote(`name==${context.imageName}`)}`,
      note: { kind: 'containerdRecord' },
    })
  }
  if (digest === undefined) return commands
  const get = `${ctr} content get ${shellQuote(digest)}`
  if (target.kind === 'manifest') {
    commands.push({ tool: 'ctr', command: `${get} | jq .`, note: { kind: 'rawManifest' } })
  } else {
    commands.push(
      { tool: 'ctr', command: `${get} | jq .`, note: { kind: 'contentConfig' } },
      {
        tool: 'ctr',
        command: `${get} | tar -tvz`,
        note: { kind: 'contentLayer', compression: 'gzip' },
      },
    )
  }
  return commands
}
