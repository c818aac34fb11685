// Why a store that exists could not be read, in the language shown: worded from the error's
// code and the path it names. English keeps the main side's own sentence, which says more (as
// the error panel does); the cause (an errno such as EACCES) is data, shown beside it. No DOM.
import type { ApiError } from '../../../shared/errors'
import { currentLanguage, translate } from '../../i18n/i18n'

export function storeErrorText(error: ApiError): string {
  if (currentLanguage() === 'en' && error.message !== '') return error.message
  const path = error.detail?.subject
  switch (error.code) {
    case 'FORBIDDEN':
      return path !== undefined
        ? translate('stores:storeError.forbidden', { path })
        : translate('stores:storeError.forbiddenNoPath')
    case 'NOT_FOUND':
      if (path !== undefined) return translate('stores:storeError.missing', { path })
      break
    case 'TIMEOUT':
      return translate('stores:storeError.timeout')
    case 'NETWORK':
      return translate('stores:storeError.unreachable')
    case 'MALFORMED':
      if (path !== undefined) return translate('stores:storeError.malformed', { path })
      break
    default:
      break
  }
  return translate('stores:storeError.other', { code: error.code })
}
