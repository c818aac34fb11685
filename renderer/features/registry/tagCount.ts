// The tag count beside a repository's name, from one page of its tag list. Pure (the words from
// the registry catalogue, the number as the language writes it), so it is unit-tested.
import { formatNumber } from '../../i18n/format'
import { currentLanguage, translate } from '../../i18n/translate'

/** Tags read for a count: a repository with more shows "1,000+ tags". */
export const TAG_COUNT_PAGE = 1000

/** "1 tag", "12 tags", "1,000+ tags" (more pages exist), "no tags". */
export function tagCountText(count: number, more: boolean): string {
  if (count === 0 && !more) return translate('registry:tagCount.none')
  const number = formatNumber(count, currentLanguage())
  return more
    ? translate('registry:tagCount.more', { number })
    : translate('registry:tagCount.tags', { count, number })
}
