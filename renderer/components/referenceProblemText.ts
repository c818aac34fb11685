// Why a reference cannot be read, in the language shown: the parsers' problem code and its data
// (shared/referenceProblem.ts) worded from the "errors" catalogue. Used by the Open box before
// it navigates and by the error panel when the main side refuses a reference. No DOM.
import type { ApiError } from '../../shared/errors'
import type { ReferenceProblem } from '../../shared/referenceProblem'
import { translate } from '../i18n/translate'

export function referenceProblemText(problem: ReferenceProblem): string {
  const t = translate
  switch (problem.kind) {
    case 'emptySource':
      return t('errors:reference.emptySource')
    case 'emptyImage':
      return t('errors:reference.emptyImage')
    case 'registryNeedsScheme':
      return t('errors:reference.registryNeedsScheme', { written: problem.written })
    case 'unknownTransport':
      return t('errors:reference.unknownTransport', {
        prefix: problem.prefix,
        known: problem.known,
      })
    case 'noPath':
      return t('errors:reference.noPath', { text: problem.text })
    case 'noImage':
      return t('errors:reference.noImage', { text: problem.text })
    case 'noContainer':
      return t('errors:reference.noContainer', { text: problem.text })
    case 'imageHasSpaces':
      return t('errors:reference.imageHasSpaces', { image: problem.image })
    case 'storeSpecUnclosed':
      return t('errors:reference.storeSpecUnclosed')
    case 'emptyDriver':
      return t('errors:reference.emptyDriver')
    case 'storeRootNotAbsolute':
      return problem.root === 'graph'
        ? t('errors:reference.storeRootNotAbsolute_graph', { path: problem.path })
        : t('errors:reference.storeRootNotAbsolute_run', { path: problem.path })
    case 'namespaceUnclosed':
      return t('errors:reference.namespaceUnclosed')
    case 'badNamespace':
      return t('errors:reference.badNamespace', { namespace: problem.namespace })
    case 'containerForm':
      return t('errors:reference.containerForm')
    case 'badContainerName':
      return t('errors:reference.badContainerName', { container: problem.container })
    case 'referenceHasSpaces':
      return t('errors:reference.referenceHasSpaces', { text: problem.text })
    case 'noDigestAfterAt':
      return t('errors:reference.noDigestAfterAt', { text: problem.text })
    case 'badDigest':
      return t('errors:reference.badDigest', { text: problem.text })
    case 'noRepository':
      return t('errors:reference.noRepository', { text: problem.text })
    case 'badTag':
      return t('errors:reference.badTag', { tag: problem.tag })
    case 'looksLikeImageId':
      return t('errors:reference.looksLikeImageId', { path: problem.path })
    case 'notLowercase':
      return t('errors:reference.notLowercase', { path: problem.path })
    case 'emptyPathComponent':
      return t('errors:reference.emptyPathComponent', { path: problem.path })
    case 'badPathComponent':
      return t('errors:reference.badPathComponent', { component: problem.component })
    case 'nameTooLong':
      return t('errors:reference.nameTooLong', {
        name: problem.name,
        length: problem.length,
        max: problem.max,
      })
    case 'badRegistry':
      return t('errors:reference.badRegistry', { host: problem.host })
    case 'repositoryOnly':
      return problem.digest !== undefined
        ? t('errors:reference.repositoryOnly_digest', {
            text: problem.text,
            digest: problem.digest,
          })
        : t('errors:reference.repositoryOnly_tag', { text: problem.text, tag: problem.tag ?? '' })
  }
}

/** The reference problem an error carries, worded; undefined when it carries none. */
export function errorReferenceProblem(error: ApiError): string | undefined {
  const problem = error.detail?.referenceProblem
  return problem === undefined ? undefined : referenceProblemText(problem)
}
