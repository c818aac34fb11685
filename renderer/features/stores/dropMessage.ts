// The line a drop leaves under the window, as data: worded when shown (so a language switch
// re-words it), and toned as a hint, a note or an error. No DOM, so it is unit-tested.
import type { ApiError } from '../../../shared/errors'
import { translate } from '../../i18n/i18n'
import { webDropHint } from './dropDecision'
import { pathProblemText } from './pathProblemText'

export type DropMessage =
  | { readonly kind: 'hint' }
  | { readonly kind: 'noPath'; readonly name?: string }
  | { readonly kind: 'opening'; readonly path: string }
  | { readonly kind: 'several'; readonly count: number; readonly name: string }
  | { readonly kind: 'failed'; readonly error: ApiError }

export type DropMessageTone = 'hint' | 'note' | 'error'

export function dropMessageTone(message: DropMessage): DropMessageTone {
  switch (message.kind) {
    case 'hint':
      return 'hint'
    case 'opening':
    case 'several':
      return 'note'
    case 'noPath':
    case 'failed':
      return 'error'
  }
}

export function dropMessageText(message: DropMessage): string {
  switch (message.kind) {
    case 'hint':
      return webDropHint()
    case 'noPath':
      return translate('stores:drop.noPath', {
        name: message.name ?? translate('stores:drop.theItem'),
      })
    case 'opening':
      return translate('stores:drop.opening', { path: message.path })
    case 'several':
      return translate('stores:drop.several', { count: message.count, name: message.name })
    case 'failed':
      return pathProblemText(message.error)
  }
}
