// Commands a user can type to see the same OCI layout object Strata shows: skopeo and umoci
// for named images, and reading the blob file itself for anything addressed by digest.

import type { EquivalentCommand } from '../../../shared/api'
import { isDigest, parseDigest } from '../../../shared/digest'
import { isIndexMediaType } from '../../../shared/oci/mediaTypes'

export interface LayoutCommandTarget {
  readonly layoutPath: string
  readonly kind: 'manifest' | 'blob'
  readonly digest?: string
  /** The ref name the layout was opened with, when the target is the object it names. */
  readonly reference?: string
  /** Media type of the opened root, when the target is the root. */
  readonly rootMediaType?: string
  /** The root is index.json itself (a layout opened without a reference). */
  readonly isLayoutIndex: boolean
}

// Plain file reads (cat, jq) are shell commands, not any one tool's.
const FILE_READ_TOOL: EquivalentCommand['tool'] = 'shell'

/** Quotes a shell word only when it needs it. */
export function shellQuote(word: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`
}

export function ociLayoutCommands(target: LayoutCommandTarget): readonly EquivalentCommand[] {
  const layout = target.layoutPath
  const commands: EquivalentCommand[] = []
  const named = target.reference !== undefined && !isDigest(target.reference)

  if (target.kind === 'manifest' && target.isLayoutIndex) {
    commands.push({
      tool: FILE_READ_TOOL,
      command: `jq . ${shellQuote(`${layout}/index.json`)}`,
      note: { kind: 'layoutIndex' },
    })
    return commands
  }
  if (target.kind === 'manifest' && named && target.reference !== undefined) {
    const ociRef = shellQuote(`oci:${layout}:${target.reference}`)
    commands.push({
      tool: 'skopeo',
      command: `skopeo inspect --raw ${ociRef} | jq .`,
      note: { kind: 'rawManifest' },
    })
    const isIndex = target.rootMediaType !== undefined && isIndexMediaType(target.rootMediaType)
    if (!isIndex) {
      commands.push({
        tool: 'umoci',
        command: `umoci stat --image ${shellQuote(`${layout}:${target.reference}`)}`,
        note: { kind: 'layersAndHistory' },
      })
    }
    commands.push({
      tool: 'skopeo',
      command: `skopeo inspect ${ociRef}`,
      note: { kind: 'imageSummary', forThisMachine: isIndex },
    })
  }
  if (target.digest !== undefined && isDigest(target.digest)) {
    const { algorithm, encoded } = parseDigest(target.digest)
    const file = shellQuote(`${layout}/blobs/${algorithm}/${encoded}`)
    if (target.kind === 'manifest') {
      commands.push({
        tool: FILE_READ_TOOL,
        command: `cat ${file} | jq .`,
        note: { kind: 'manifestFile' },
      })
    } else {
      commands.push({
        tool: FILE_READ_TOOL,
        command: `cat ${file} | jq .`,
        note: { kind: 'blobFile', file },
      })
    }
  }
  return commands
}
