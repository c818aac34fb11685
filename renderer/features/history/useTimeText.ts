// timeText.ts bound to the language shown, plus "between … and …" in its words: what the moves
// list, the timeline's markers and the "as of" answer print.
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { useLanguage } from '../../i18n/i18n'
import { axisTickText, instantPair, instantText, spanText } from './timeText'

export interface TimeText {
  readonly instant: (iso: string) => string
  readonly pair: (fromIso: string, toIso: string) => readonly [string, string]
  /** "between Nov 25, 2026, 17:25 UTC and …", seconds shown when the minutes are equal. */
  readonly between: (fromIso: string, toIso: string) => string
  readonly tick: (date: Date, spanMs: number) => string
  /** How long from one instant to the other, in the language's short units. */
  readonly span: (fromIso: string, toIso: string) => string
}

export function useTimeText(): TimeText {
  const { t } = useTranslation('history')
  const language = useLanguage()
  return useMemo(
    () => ({
      instant: (iso) => instantText(iso, language),
      pair: (fromIso, toIso) => instantPair(fromIso, toIso, language),
      between: (fromIso, toIso) => {
        const [from, to] = instantPair(fromIso, toIso, language)
        return t('moves.between', { from, to })
      },
      tick: (date, spanMs) => axisTickText(date, spanMs, language),
      span: (fromIso, toIso) => spanText(fromIso, toIso, language),
    }),
    [t, language],
  )
}
