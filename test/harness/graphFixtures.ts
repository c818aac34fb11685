// Graph nodes for the renderer's pure graph tests: a readable name becomes a stable digest.

import type { GraphNode, GraphNodeRole } from '../../shared/api'
import type { ObjectKind } from '../../shared/oci/mediaTypes'

export const digestOf = (name: string): string =>
  `sha256:${Buffer.from(name).toString('hex').padEnd(64, '0').slice(0, 64)}`

export function graphNode(
  name: string,
  kind: ObjectKind,
  role: GraphNodeRole,
  extra: Partial<GraphNode> = {},
): GraphNode {
  const digest = digestOf(name)
  return {
    id: digest,
    digest,
    mediaType: `application/vnd.test.${kind}`,
    size: 2048,
    kind,
    role,
    label: name,
    explanation: '',
    commands: [],
    ...extra,
  }
}
