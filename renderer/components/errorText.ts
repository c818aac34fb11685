// Every ErrorCode as a sentence and a next step. Pure, so a unit test can check that no code
// is left without words.
import type { ApiError, ErrorCode } from '../../shared/errors'

export interface ErrorText {
  /** What happened, in one short sentence. */
  readonly title: string
  /** What the user can do about it. */
  readonly next: string
}

function hostOf(error: ApiError, fallbackHost?: string): string {
  return error.detail?.host ?? fallbackHost ?? 'the registry'
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

export function describeError(error: ApiError, fallbackHost?: string): ErrorText {
  const host = hostOf(error, fallbackHost)
  const detail = error.detail
  const texts: Record<ErrorCode, () => ErrorText> = {
    BAD_INPUT: () => ({
      title: 'Strata cannot read that input',
      next: 'Check the spelling: for example alpine:3.20, ghcr.io/owner/repo@sha256:…, oci:/path:tag.',
    }),
    AUTH_REQUIRED: () =>
      error.detail?.host === undefined && fallbackHost === undefined
        ? {
            // Strata's own server refused the page: no registry is involved.
            title: 'This page is not signed in to Strata',
            next: 'Open Strata again from the address it printed when it started (the one with ?token=…).',
          }
        : {
            title: `${host} wants credentials`,
            next: 'Sign in below with a username and password or a token; Strata then tries again.',
          },
    FORBIDDEN: () => ({
      title: `${host} says this is not allowed with these credentials`,
      next: 'Use an account that may read this repository, or ask its owner for access.',
    }),
    NOT_FOUND: () =>
      isMissingPath(error)
        ? {
            // A local path (oci:, docker-archive:, dir:, …) that is not there: no tag involved.
            title: 'Nothing at this path',
            next: 'Check the path: Strata reads it on the machine it runs on. An OCI layout is the directory that holds oci-layout and index.json; an archive is the .tar file itself.',
          }
        : {
            title: 'No such repository, tag or digest',
            next: 'Check the name and the tag; tags can be deleted or moved by whoever pushes them.',
          },
    RATE_LIMITED: () => ({
      title: `${host} is rate limiting requests`,
      next:
        detail?.retryAfterSeconds !== undefined
          ? `Wait ${detail.retryAfterSeconds} seconds, then retry.`
          : 'Wait a little, then retry. Signing in usually raises the limit.',
    }),
    NETWORK: () => ({
      title: `Cannot reach ${host}${detail?.cause ? ` (${detail.cause})` : ''}`,
      next: 'Check the address and that the host is up, then retry.',
    }),
    TIMEOUT: () => ({
      title: `${host} did not answer in time`,
      next: 'The host may be slow or overloaded; retry in a moment.',
    }),
    SERVER_ERROR: () => ({
      title: `${host} failed to answer${detail?.status ? ` (HTTP ${detail.status})` : ''}`,
      next: 'This is a problem on the registry side; retry later.',
    }),
    DIGEST_MISMATCH: () => ({
      title: 'Refused: the content does not match its digest',
      next: 'The registry sent bytes other than the ones the digest names. Strata shows nothing it cannot verify.',
    }),
    SIZE_MISMATCH: () => ({
      title: 'Refused: the content does not have the size its descriptor says',
      next: 'The registry sent a different number of bytes than promised; the content was not used.',
    }),
    TOO_LARGE: () => ({
      title: 'Refused: the document is larger than Strata accepts',
      next: 'Manifests and configs are small by design; this one is over the limit and was not read.',
    }),
    MALFORMED: () => ({
      title: 'Refused: the document is not valid',
      next: 'The JSON or its schema is broken; the reason is below.',
    }),
    UNSUPPORTED_MEDIA_TYPE: () => ({
      title: 'Strata does not know how to read this media type',
      next: 'The object exists but its format is not one Strata interprets.',
    }),
    INSECURE_REFUSED: () => ({
      title: `${host} only answers over plain http`,
      next: 'If you trust this registry, mark it as insecure (allow plain http) and retry.',
    }),
    CANCELLED: () => ({
      title: 'The operation was cancelled',
      next: 'Retry when you want the result.',
    }),
    UNAVAILABLE: () => ({
      title: 'This feature cannot run here',
      next: 'The reason is below.',
    }),
    INTERNAL: () => ({
      title: 'Strata hit a bug',
      next: 'Retry; if it happens again, the details below say what failed.',
    }),
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
