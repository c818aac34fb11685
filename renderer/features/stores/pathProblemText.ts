// Why a path did not open (stores:probePath refused or could not read it), in the language
// shown: a refusal's code (detail.cause) and its path are worded from the "stores" catalogue;
// any other failure by its error code, naming the path. English keeps the main side's own
// sentence for failures without a code here, as the error panel does. No DOM.
import { isPathProbeRefusal } from '../../../shared/api/stores'
import type { ApiError } from '../../../shared/errors'
import { describeError } from '../../components/errorText'
import { currentLanguage, translate } from '../../i18n/i18n'

export function pathProblemText(error: ApiError): string {
  const path = error.detail?.subject
  const cause = error.detail?.cause
  if (error.code === 'BAD_INPUT' && path !== undefined && isPathProbeRefusal(cause)) {
    switch (cause) {
      case 'notAbsolute':
        return translate('stores:probe.notAbsolute', { path })
      case 'notImageDirectory':
        return translate('stores:probe.notImageDirectory', { path })
      case 'gzipCompressed':
        return translate('stores:probe.gzipCompressed', { path })
      case 'zstdCompressed':
        return translate('stores:probe.zstdCompressed', { path })
      case 'notImageArchive':
        return translate('stores:probe.notImageArchive', { path })
    }
  }
  if (currentLanguage() === 'en' && error.message !== '') return error.message
  const problem = describeError(error).title
  return path !== undefined ? translate('stores:probe.otherProblem', { problem, path }) : problem
}
