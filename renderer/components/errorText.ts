// Every ErrorCode as a sentence and a next step, in the language shown, from the code and its
// parameters (the main side's English message is for logs). No DOM, so a unit test can check
// that no code is left without words in either language.
import type { ApiError, ErrorCode } from '../../shared/errors'
import { translate } from '../i18n/translate'
import { errorReferenceProblem } from './referenceProblemText'

export interface ErrorText {
  /** What happened, in one short sentence. */
  readonly title: string
  /** What the user can do about it. */
  readonly next: string
}

function hostOf(error: ApiError, fallbackHost?: string): string {
  return error.detail?.host ?? fallbackHost ?? translate('errors:theRegistry')
}

/** The filesystem said a local path does not exist (the main side passes errno as the cause). */
export function isMissingPath(error: ApiError): boolean {
  const cause = error.detail?.cause
  return (
    error.code === 'NOT_FOUND' &&
    error.detail?.subject !== undefined &&
    (cause === 'ENOENT' || cause === 'ENOTDIR')
  )
}

/** The error in the language shown (call it during render so a language switch re-words it). */
export function describeError(error: ApiError, fallbackHost?: string): ErrorText {
  const host = hostOf(error, fallbackHost)
  const detail = error.detail
  const t = translate
  const texts: Record<ErrorCode, () => ErrorText> = {
    BAD_INPUT: () => ({
      title: t('errors:BAD_INPUT.title'),
      // A reference the parsers refused says what is wrong with it; other input, how to write it.
      next: errorReferenceProblem(error) ?? t('errors:BAD_INPUT.next'),
    }),
    AUTH_REQUIRED: () =>
      detail?.host === undefined && fallbackHost === undefined
        ? {
            // Strata's own server refused the page: no registry is involved.
            title: t('errors:AUTH_REQUIRED.pageTitle'),
            next: t('errors:AUTH_REQUIRED.pageNext'),
          }
        : {
            title: t('errors:AUTH_REQUIRED.title', { host }),
            next: t('errors:AUTH_REQUIRED.next'),
          },
    FORBIDDEN: () => ({
      title: t('errors:FORBIDDEN.title', { host }),
      next: t('errors:FORBIDDEN.next'),
    }),
    NOT_FOUND: () =>
      isMissingPath(error)
        ? {
            // A local path (oci:, docker-archive:, dir:, …) that is not there: no tag involved.
            title: t('errors:NOT_FOUND.pathTitle'),
            next: t('errors:NOT_FOUND.pathNext'),
          }
        : { title: t('errors:NOT_FOUND.title'), next: t('errors:NOT_FOUND.next') },
    RATE_LIMITED: () => ({
      title: t('errors:RATE_LIMITED.title', { host }),
      next:
        detail?.retryAfterSeconds !== undefined
          ? t('errors:RATE_LIMITED.nextWait', { count: detail.retryAfterSeconds })
          : t('errors:RATE_LIMITED.next'),
    }),
    NETWORK: () => ({
      title: detail?.cause
        ? t('errors:NETWORK.titleWithCause', { host, cause: detail.cause })
        : t('errors:NETWORK.title', { host }),
      next: t('errors:NETWORK.next'),
    }),
    TIMEOUT: () => ({ title: t('errors:TIMEOUT.title', { host }), next: t('errors:TIMEOUT.next') }),
    SERVER_ERROR: () => ({
      title: detail?.status
        ? t('errors:SERVER_ERROR.titleWithStatus', { host, status: detail.status })
        : t('errors:SERVER_ERROR.title', { host }),
      next: t('errors:SERVER_ERROR.next'),
    }),
    DIGEST_MISMATCH: () => ({
      title: t('errors:DIGEST_MISMATCH.title'),
      next: t('errors:DIGEST_MISMATCH.next'),
    }),
    SIZE_MISMATCH: () => ({
      title: t('errors:SIZE_MISMATCH.title'),
      next: t('errors:SIZE_MISMATCH.next'),
    }),
    TOO_LARGE: () => ({ title: t('errors:TOO_LARGE.title'), next: t('errors:TOO_LARGE.next') }),
    MALFORMED: () => ({ title: t('errors:MALFORMED.title'), next: t('errors:MALFORMED.next') }),
    UNSUPPORTED_MEDIA_TYPE: () => ({
      title: t('errors:UNSUPPORTED_MEDIA_TYPE.title'),
      next: t('errors:UNSUPPORTED_MEDIA_TYPE.next'),
    }),
    INSECURE_REFUSED: () => ({
      title: t('errors:INSECURE_REFUSED.title', { host }),
      next: t('errors:INSECURE_REFUSED.next'),
    }),
    CANCELLED: () => ({ title: t('errors:CANCELLED.title'), next: t('errors:CANCELLED.next') }),
    UNAVAILABLE: () => ({
      title: t('errors:UNAVAILABLE.title'),
      next: t('errors:UNAVAILABLE.next'),
    }),
    INTERNAL: () => ({ title: t('errors:INTERNAL.title'), next: t('errors:INTERNAL.next') }),
  }
  return texts[error.code]()
}

/** Codes whose panel offers a plain Retry button. */
export function isRetryable(code: ErrorCode): boolean {
  return (
    code === 'NETWORK' ||
    code === 'TIMEOUT' ||
    code === 'SERVER_ERROR' ||
    code === 'RATE_LIMITED' ||
    code === 'CANCELLED' ||
    code === 'INTERNAL' ||
    code === 'NOT_FOUND' ||
    code === 'FORBIDDEN'
  )
}
