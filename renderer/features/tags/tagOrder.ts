// Tag order and grouping for the tags list. Natural order reads numbers as numbers
// (tag-2 before tag-10, v1.9 before v1.10). Date and size orders need each tag's summary:
// tags whose summary is not known yet go last, in natural order, so the list never jumps
// around more than it must while summaries arrive. Pure, so it is unit-tested.

export type TagSort =
  'natural' | 'natural-desc' | 'registry' | 'date-desc' | 'date-asc' | 'size-desc' | 'size-asc'

/** Sorts that need every tag's summary (created time, size) before they are exact. */
export function sortNeedsSummaries(sort: TagSort): boolean {
  return sort.startsWith('date') || sort.startsWith('size')
}

/** What date and size sorting read from a tag's summary. */
export interface TagFacts {
  readonly created?: string
  readonly totalSize: number
}

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' })

/** Natural order, with a plain comparison to break ties ("V1" and "v1") deterministically. */
export function compareTags(a: string, b: string): number {
  return collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0)
}

function createdMillis(facts: TagFacts | undefined): number | undefined {
  if (facts?.created === undefined) return undefined
  const ms = Date.parse(facts.created)
  return Number.isNaN(ms) ? undefined : ms
}

/** A number per tag for the date and size sorts; undefined = not known (sorted last). */
function sortValue(sort: TagSort, facts: TagFacts | undefined): number | undefined {
  if (sort.startsWith('date')) return createdMillis(facts)
  return facts?.totalSize
}

export function sortTags(
  tags: readonly string[],
  sort: TagSort,
  factsOf: (tag: string) => TagFacts | undefined = () => undefined,
): readonly string[] {
  if (sort === 'registry') return tags
  const sorted = [...tags].sort(compareTags)
  if (sort === 'natural') return sorted
  if (sort === 'natural-desc') return sorted.reverse()
  const descending = sort.endsWith('-desc')
  const values = new Map(sorted.map((tag) => [tag, sortValue(sort, factsOf(tag))] as const))
  // Array.prototype.sort is stable: equal values keep natural order.
  return sorted.sort((a, b) => {
    const va = values.get(a)
    const vb = values.get(b)
    if (va === undefined || vb === undefined) {
      return va === undefined ? (vb === undefined ? 0 : 1) : -1
    }
    return descending ? vb - va : va - vb
  })
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
