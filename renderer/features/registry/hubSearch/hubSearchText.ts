// The Docker Hub search panel's words, from the registry catalogue in the language shown (read
// during render; the Open box's button uses `button` too).
import { translate } from '../../../i18n/translate'

export const hubSearchText = {
  get button(): string {
    return translate('registry:hub.button')
  },
  title: (query: string): string => translate('registry:hub.title', { query }),
  get searching(): string {
    return translate('registry:hub.searching')
  },
  get none(): string {
    return translate('registry:hub.none')
  },
  get official(): string {
    return translate('registry:hub.official')
  },
  get officialTitle(): string {
    return translate('registry:hub.officialTitle')
  },
  stars: (stars: string): string => translate('registry:hub.stars', { stars }),
  pulls: (pulls: string): string => translate('registry:hub.pulls', { pulls }),
  total: (shown: string, total: string): string =>
    translate('registry:hub.total', { shown, total }),
  capped: (shown: string): string => translate('registry:hub.capped', { shown }),
  skipped: (count: number): string => translate('registry:hub.skipped', { count }),
  get close(): string {
    return translate('registry:hub.close')
  },
  openTitle: (reference: string): string => translate('registry:hub.openTitle', { reference }),
}
