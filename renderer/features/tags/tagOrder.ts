// Tag order and grouping for the tags list. Natural order reads numbers as numbers
// (tag-2 before tag-10, v1.9 before v1.10). Pure, so it is unit-tested.

export type TagSort = 'natural' | 'natural-desc' | 'registry'

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' })

/** Natural order, with a plain comparison to break ties ("V1" and "v1") deterministically. */
export function compareTags(a: string, b: string): number {
  return collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0)
}

export function sortTags(tags: readonly string[], sort: TagSort): readonly string[] {
  if (sort === 'registry') return tags
  const sorted = [...tags].sort(compareTags)
  return sort === 'natural-desc' ? sorted.reverse() : sorted
}

export type TagListRow =
  | { readonly kind: 'tag'; readonly tag: string }
  | { readonly kind: 'group'; readonly digest: string; readonly tags: readonly string[] }

/**
 * Rows for "group by digest": one row per digest with all its tags, in the order of each
 * group's first tag; tags whose digest is not known yet stay single rows where they are.
 */
export function groupByDigest(
  tags: readonly string[],
  digestOf: (tag: string) => string | undefined,
): readonly TagListRow[] {
  const groups = new Map<string, string[]>()
  const rows: (TagListRow | { readonly kind: 'pending-group'; readonly digest: string })[] = []
  for (const tag of tags) {
    const digest = digestOf(tag)
    if (digest === undefined) {
      rows.push({ kind: 'tag', tag })
      continue
    }
    const group = groups.get(digest)
    if (group) {
      group.push(tag)
      continue
    }
    groups.set(digest, [tag])
    rows.push({ kind: 'pending-group', digest })
  }
  return rows.map((row) =>
    row.kind === 'pending-group'
      ? { kind: 'group', digest: row.digest, tags: groups.get(row.digest) ?? [] }
      : row,
  )
}
