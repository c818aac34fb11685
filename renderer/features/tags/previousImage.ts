// "Compare with the previous digest": what a tag pointed at before, from the tag-history
// journal when it saw the tag move; otherwise the next-older tag of the repository by created
// date (a different image). Pure, so it is unit-tested.
import type { RepositoryTimeline } from '../../../shared/api/history'
import { refForDigest } from '../../routing/refs'

export interface TagImageFacts {
  readonly digest: string
  readonly created?: string
}

export interface PreviousImage {
  /** The reference to compare against: "repo@sha256:…" or "repo:older-tag". */
  readonly ref: string
  /** Why this one, for the button's title (worded by TagActions in the language shown). */
  readonly reason: PreviousReason
}

/** The journal saw the tag here until `until`, or `tag` is the next-older image. */
export type PreviousReason =
  | { readonly kind: 'moved'; readonly tag: string; readonly until: string }
  | { readonly kind: 'older'; readonly tag: string; readonly created: string }

export function previousImageFor(
  repository: string,
  tag: string,
  facts: ReadonlyMap<string, TagImageFacts>,
  timeline?: RepositoryTimeline,
): PreviousImage | undefined {
  const segments = timeline?.tags.find((t) => t.tag === tag)?.segments ?? []
  const current = facts.get(tag)?.digest ?? segments[segments.length - 1]?.digest
  if (current === undefined) return undefined
  // The latest stretch at the current digest, then the stretch before it.
  let at = segments.length - 1
  while (at >= 0 && segments[at]?.digest !== current) at--
  for (let i = (at < 0 ? segments.length : at) - 1; i >= 0; i--) {
    const segment = segments[i]
    if (segment && segment.digest !== current) {
      return {
        ref: refForDigest(repository, segment.digest),
        reason: { kind: 'moved', tag, until: segment.to },
      }
    }
  }
  const created = Date.parse(facts.get(tag)?.created ?? '')
  if (Number.isNaN(created)) return undefined
  let best: { tag: string; ms: number } | undefined
  for (const [other, info] of facts) {
    if (other === tag || info.digest === current) continue
    const ms = Date.parse(info.created ?? '')
    if (Number.isNaN(ms) || ms >= created) continue
    if (!best || ms > best.ms || (ms === best.ms && other < best.tag)) best = { tag: other, ms }
  }
  return best
    ? {
        ref: `${repository}:${best.tag}`,
        reason: { kind: 'older', tag: best.tag, created: new Date(best.ms).toISOString() },
      }
    : undefined
}
