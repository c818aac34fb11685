// An image warning in the language shown, worded from its code and data (shared/api/image.ts).
// A nested failure is worded from its error code; its English message stays for Technical details.
// No DOM, so a unit test can check every kind has words in each language.
import type { ImageWarning } from '../../../shared/api'
import type { ApiError } from '../../../shared/errors'
import { describeError } from '../../components/errorText'
import { translate } from '../../i18n/translate'

function problem(error: ApiError): string {
  return describeError(error).title
}

/** ` ("v1", sha256:…)`: the names and digest index.json gives the entry, or nothing. */
function entryNames(warning: Extract<ImageWarning, { kind: 'brokenLayoutEntry' }>): string {
  const known = [...warning.names.map((name) => `"${name}"`), warning.digest ?? ''].filter(
    (part) => part !== '',
  )
  return known.length > 0 ? ` (${known.join(', ')})` : ''
}

export function imageWarningText(warning: ImageWarning): string {
  const t = translate
  switch (warning.kind) {
    case 'depthLimit':
      return t('image:warning.depthLimit', { depth: warning.depth })
    case 'nodeLimit':
      return t('image:warning.nodeLimit', { maxNodes: warning.maxNodes })
    case 'documentUnreadable':
      return warning.role === 'config'
        ? t('image:warning.configUnreadable', {
            digest: warning.digest,
            problem: problem(warning.error),
          })
        : t('image:warning.manifestUnreadable', {
            digest: warning.digest,
            problem: problem(warning.error),
          })
    case 'schema1ReadOnly':
      return t('image:warning.schema1ReadOnly')
    case 'referrersNotShown':
      return warning.error === undefined
        ? t('image:warning.referrersTimedOut')
        : t('image:warning.referrersNotShown', { problem: problem(warning.error) })
    case 'referrersUnreadable':
      return t('image:warning.referrersUnreadable', {
        subject: warning.subject,
        problem: problem(warning.error),
      })
    case 'liveLayer':
      return t('image:warning.liveLayer', { container: warning.container })
    case 'uncompressedLayers':
      return t('image:warning.uncompressedLayers', {
        image: warning.image,
        storedManifest: warning.storedManifest,
      })
    case 'synthesizedManifest':
      return t('image:warning.synthesizedManifest', { location: warning.location })
    case 'archiveLayoutUnreadable':
      return t('image:warning.archiveLayoutUnreadable', {
        location: warning.location,
        problem: problem(warning.error),
      })
    case 'brokenLayoutEntry':
      return t('image:warning.brokenLayoutEntry', {
        where: warning.where,
        position: warning.position,
        names: entryNames(warning),
        problem: problem(warning.error),
      })
    case 'noVersionFile':
      return t('image:warning.noVersionFile', { dir: warning.dir })
  }
}

/** The English detail behind a warning, for its Technical details (absent when it has none). */
export function imageWarningDetail(warning: ImageWarning): string | undefined {
  return 'error' in warning ? warning.error?.message : undefined
}
