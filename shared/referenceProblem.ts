// Why a source or image reference cannot be read, as a code with its data: the parsers in
// reference.ts, sourceRef.ts and bracketedRefs.ts throw BAD_INPUT carrying one
// (`detail.referenceProblem`), the renderer words it in the language shown
// (renderer/components/referenceProblemText.ts), and englishReferenceProblem is the error's
// English message for logs and tests.
import { StrataError } from './errors'

export type ReferenceProblem =
  | { readonly kind: 'emptySource' }
  | { readonly kind: 'emptyImage' }
  | { readonly kind: 'registryNeedsScheme'; readonly written: string }
  | { readonly kind: 'unknownTransport'; readonly prefix: string; readonly known: string }
  | { readonly kind: 'noPath'; readonly text: string }
  | { readonly kind: 'noImage'; readonly text: string }
  | { readonly kind: 'noContainer'; readonly text: string }
  | { readonly kind: 'imageHasSpaces'; readonly image: string }
  | { readonly kind: 'storeSpecUnclosed' }
  | { readonly kind: 'emptyDriver' }
  | {
      readonly kind: 'storeRootNotAbsolute'
      readonly root: 'graph' | 'run'
      readonly path: string
    }
  | { readonly kind: 'namespaceUnclosed' }
  | { readonly kind: 'badNamespace'; readonly namespace: string }
  | { readonly kind: 'containerForm' }
  | { readonly kind: 'badContainerName'; readonly container: string }
  | { readonly kind: 'referenceHasSpaces'; readonly text: string }
  | { readonly kind: 'noDigestAfterAt'; readonly text: string }
  | { readonly kind: 'badDigest'; readonly text: string; readonly why: string }
  | { readonly kind: 'noRepository'; readonly text: string }
  | { readonly kind: 'badTag'; readonly tag: string }
  | { readonly kind: 'looksLikeImageId'; readonly path: string }
  | { readonly kind: 'notLowercase'; readonly path: string }
  | { readonly kind: 'emptyPathComponent'; readonly path: string }
  | { readonly kind: 'badPathComponent'; readonly component: string }
  | {
      readonly kind: 'nameTooLong'
      readonly name: string
      readonly length: number
      readonly max: number
    }
  | { readonly kind: 'badRegistry'; readonly host: string }
  | {
      readonly kind: 'repositoryOnly'
      readonly text: string
      readonly tag?: string
      readonly digest?: string
    }

export type ReferenceProblemKind = ReferenceProblem['kind']

export function englishReferenceProblem(problem: ReferenceProblem): string {
  switch (problem.kind) {
    case 'emptySource':
      return 'source reference is empty'
    case 'emptyImage':
      return 'image reference is empty'
    case 'registryNeedsScheme':
      return `registry references are written "docker://${problem.written}"`
    case 'unknownTransport':
      return `unknown transport "${problem.prefix}:"; use one of ${problem.known}`
    case 'noPath':
      return `"${problem.text}" has no path after the transport`
    case 'noImage':
      return `"${problem.text}" names no image`
    case 'noContainer':
      return `"${problem.text}" names no container`
    case 'imageHasSpaces':
      return `image name "${problem.image}" must not contain spaces`
    case 'storeSpecUnclosed':
      return 'the store specification "[..." is missing its "]"'
    case 'emptyDriver':
      return 'the storage driver before "@" is empty'
    case 'storeRootNotAbsolute':
      return `the store's ${problem.root} root must be an absolute path, got "${problem.path}"`
    case 'namespaceUnclosed':
      return 'the namespace "[..." is missing its "]"'
    case 'badNamespace':
      return `"${problem.namespace}" is not a containerd namespace (letters and digits, joined by ".", "_" or "-")`
    case 'containerForm':
      return 'a container is written "container:docker-daemon:NAME" or "container:containers-storage:NAME"'
    case 'badContainerName':
      return `"${problem.container}" is not a container name or ID (letters, digits, "_", "." and "-", starting with a letter or digit)`
    case 'referenceHasSpaces':
      return `image reference "${problem.text}" must not contain spaces`
    case 'noDigestAfterAt':
      return `"${problem.text}" has "@" but no digest after it`
    case 'badDigest':
      return `invalid digest in "${problem.text}": ${problem.why}`
    case 'noRepository':
      return `"${problem.text}" has no repository name`
    case 'badTag':
      return `tag "${problem.tag}" may only contain letters, digits, '_', '.' and '-' (max 128), and may not start with '.' or '-'`
    case 'looksLikeImageId':
      return `"${problem.path}" looks like an image ID, not a repository name: 64-character hex strings are not allowed as names`
    case 'notLowercase':
      return `repository names must be lowercase: "${problem.path}"`
    case 'emptyPathComponent':
      return `repository "${problem.path}" has an empty path component (check the slashes)`
    case 'badPathComponent':
      return `repository path component "${problem.component}" is invalid: use lowercase letters and digits, separated by '.', '_', '__' or '-'`
    case 'nameTooLong':
      return `repository name "${problem.name}" is ${problem.length} characters; the maximum is ${problem.max}`
    case 'badRegistry':
      return `registry "${problem.host}" is not a valid host[:port] (letters, digits, '-' and '.', an IPv4 address or a bracketed IPv6 address)`
    case 'repositoryOnly':
      return `expected a repository without a tag or digest, but "${problem.text}" has ${problem.digest !== undefined ? `digest "${problem.digest}"` : `tag "${problem.tag ?? ''}"`}`
  }
}

/** BAD_INPUT about `input`, its English message from the problem, the problem in its detail. */
export function referenceError(input: string, problem: ReferenceProblem): StrataError {
  return new StrataError('BAD_INPUT', englishReferenceProblem(problem), {
    subject: input,
    referenceProblem: problem,
  })
}
