// What the path field (and the Open box, and dropped text) was given: a filesystem path to
// probe, a local transport string to open as it is, or something to explain. Pure; the
// explanations come from the "stores" catalogue in the language shown.
import { parseSourceRef } from '../../../shared/sourceRef'
import { currentLanguage, translate } from '../../i18n/i18n'

export type PathInput =
  | { readonly kind: 'empty' }
  | { readonly kind: 'path'; readonly path: string }
  | { readonly kind: 'ref'; readonly ref: string }
  | { readonly kind: 'invalid'; readonly message: string }

const LOCAL_TRANSPORT =
  /^(oci|oci-archive|docker-archive|dir|containers-storage|docker-daemon|containerd):/

export function interpretPathInput(input: string): PathInput {
  const text = unquote(firstLine(input).trim())
  if (text === '') return { kind: 'empty' }
  if (text.startsWith('file:')) return fileUrl(text)
  if (text.startsWith('/')) return { kind: 'path', path: text }
  if (text.startsWith('~')) {
    return { kind: 'invalid', message: translate('stores:input.tilde') }
  }
  if (LOCAL_TRANSPORT.test(text)) {
    try {
      parseSourceRef(text)
      return { kind: 'ref', ref: text }
    } catch (error) {
      // The parser's sentence is English and names the part that is wrong: kept in English.
      const english = error instanceof Error ? error.message : ''
      return {
        kind: 'invalid',
        message:
          currentLanguage() === 'en' && english !== ''
            ? english
            : translate('stores:input.badRef', { text }),
      }
    }
  }
  return { kind: 'invalid', message: translate('stores:input.notAbsolute', { text }) }
}

/** True when the Open box should treat its text as a path rather than an image reference. */
export function looksLikePath(input: string): boolean {
  const kind = interpretPathInput(input).kind
  return kind === 'path' || (kind === 'invalid' && /^["']?(~|file:)/.test(input.trim()))
}

// text/uri-list can hold several lines and "#" comments; the first entry is the one dropped.
function firstLine(text: string): string {
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '' && !line.startsWith('#'))
  return lines[0] ?? ''
}

// Shells and file managers copy paths with quotes around them: '/a b/c.tar' or "/a b/c.tar".
function unquote(text: string): string {
  const first = text[0]
  if (text.length >= 2 && (first === '"' || first === "'") && text.endsWith(first)) {
    return text.slice(1, -1).trim()
  }
  return text
}

function fileUrl(text: string): PathInput {
  let url: URL
  try {
    url = new URL(text)
  } catch {
    return { kind: 'invalid', message: translate('stores:input.badFileUrl', { text }) }
  }
  if (url.protocol !== 'file:' || (url.host !== '' && url.host !== 'localhost')) {
    return { kind: 'invalid', message: translate('stores:input.notLocalFile', { text }) }
  }
  try {
    return { kind: 'path', path: decodeURIComponent(url.pathname) }
  } catch {
    return { kind: 'invalid', message: translate('stores:input.badFileUrl', { text }) }
  }
}
