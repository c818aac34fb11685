// The tag count beside a repository's name, from one page of its tag list. Pure, so it is
// unit-tested.

/** Tags read for a count: a repository with more shows "1,000+ tags". */
export const TAG_COUNT_PAGE = 1000

const englishPlurals = new Intl.PluralRules('en')

/** "1 tag", "12 tags", "1,000+ tags" (more pages exist), "no tags". */
export function tagCountText(count: number, more: boolean): string {
  if (count === 0 && !more) return 'no tags'
  const number = `${count.toLocaleString('en')}${more ? '+' : ''}`
  return `${number} ${!more && englishPlurals.select(count) === 'one' ? 'tag' : 'tags'}`
}
