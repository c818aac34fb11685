// Tags that point at the same digest get a shared marker: same image, different names.
// Pure, so it is unit-tested.

export interface SharedGroup {
  /** Small stable number for the marker colour, in order of first appearance. */
  readonly index: number
  readonly digest: string
  readonly tags: readonly string[]
}

/** Groups of two or more tags by digest; tags without a known digest are left out. */
export function sharedDigestGroups(
  tagDigests: readonly (readonly [tag: string, digest: string | undefined])[],
): ReadonlyMap<string, SharedGroup> {
  const byDigest = new Map<string, string[]>()
  for (const [tag, digest] of tagDigests) {
    if (!digest) continue
    const tags = byDigest.get(digest) ?? []
    tags.push(tag)
    byDigest.set(digest, tags)
  }
  const groups = new Map<string, SharedGroup>()
  let index = 0
  for (const [digest, tags] of byDigest) {
    if (tags.length < 2) continue
    groups.set(digest, { index: index++, digest, tags })
  }
  return groups
}
