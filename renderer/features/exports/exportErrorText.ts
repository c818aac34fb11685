// What went wrong with an export, in the user's language, from the error code and its cause
// (the errno the main side passes): a full disk, a folder that cannot be written, a name that
// exists. Other errors go to the shared error panel.
import type { ApiError } from '../../../shared/errors'
import { translate } from '../../i18n/translate'

export function exportErrorText(error: ApiError): string | undefined {
  const path = error.detail?.subject ?? ''
  const cause = error.detail?.cause ?? ''
  if (error.code === 'CANCELLED') return translate('exports:errors.cancelled')
  if (cause === 'ENOSPC' || cause === 'EDQUOT')
    return translate('exports:errors.diskFull', { path })
  if (error.code === 'FORBIDDEN' && ['EACCES', 'EPERM', 'EROFS'].includes(cause)) {
    return translate('exports:errors.notWritable', { path, cause })
  }
  if (cause === 'EEXIST') return translate('exports:errors.exists', { path })
  if (error.code === 'NOT_FOUND' && (cause === 'ENOENT' || cause === 'ENOTDIR')) {
    return translate('exports:errors.noFolder', { path })
  }
  return undefined
}
