// Link header (RFC 8288) as registries use it for pagination:
//   Link: </v2/_catalog?last=x&n=100>; rel="next"
// The target may be relative or absolute. A target on another origin (scheme, host or port)
// than the registry is refused and reported, never followed: the next request would carry
// our credentials to whoever the link names.

export interface LinkValue {
  readonly target: string
  /** Lowercased parameter names; values unquoted. */
  readonly params: Readonly<Record<string, string>>
}

export type NextLink =
  | { readonly kind: 'none' }
  /** The next page, resolved against the request URL and on the registry's origin. */
  | { readonly kind: 'next'; readonly url: URL }
  | { readonly kind: 'refused'; readonly target: string; readonly reason: string }

/** Every link in one or more Link header values. Malformed parts are skipped. */
export function parseLinkHeader(header: string | readonly string[] | undefined): LinkValue[] {
  if (header === undefined) return []
  const values = typeof header === 'string' ? [header] : header
  return values.flatMap(parseOneValue)
}

/**
 * The rel="next" link, resolved against the URL the page came from and checked: it must stay
 * on `registryOrigin` ("http://127.0.0.1:5000") and, when given, on `expectedPath`.
 */
export function nextPageLink(
  header: string | readonly string[] | undefined,
  requestUrl: URL,
  registryOrigin: string,
  expectedPath?: string,
): NextLink {
  const next = parseLinkHeader(header).find((link) =>
    (link.params.rel ?? '').toLowerCase().split(/\s+/).includes('next'),
  )
  if (!next) return { kind: 'none' }
  let url: URL
  try {
    url = new URL(next.target, requestUrl)
  } catch {
    return { kind: 'refused', target: next.target, reason: 'it is not a valid URL' }
  }
  if (url.origin !== registryOrigin) {
    return {
      kind: 'refused',
      target: next.target,
      reason: `it points at ${url.origin}, not at the registry (${registryOrigin})`,
    }
  }
  if (expectedPath !== undefined && url.pathname !== expectedPath) {
    return {
      kind: 'refused',
      target: next.target,
      reason: `it points at ${url.pathname}, not at ${expectedPath}`,
    }
  }
  if (url.username !== '' || url.password !== '') {
    return { kind: 'refused', target: next.target, reason: 'it carries credentials' }
  }
  return { kind: 'next', url }
}

function parseOneValue(text: string): LinkValue[] {
  const out: LinkValue[] = []
  let pos = 0
  const skip = (chars: RegExp): void => {
    while (pos < text.length && chars.test(text[pos] ?? '')) pos += 1
  }
  while (pos < text.length) {
    skip(/[\s,]/)
    if (text[pos] !== '<') {
      // Not a link start: skip to the next comma outside quotes.
      pos = skipToNextComma(text, pos)
      continue
    }
    const close = text.indexOf('>', pos + 1)
    if (close < 0) break
    const target = text.slice(pos + 1, close).trim()
    pos = close + 1
    const params: Record<string, string> = {}
    for (;;) {
      skip(/[ \t]/)
      if (text[pos] !== ';') break
      pos += 1
      skip(/[ \t]/)
      const nameStart = pos
      while (pos < text.length && /[^\s=;,]/.test(text[pos] ?? '')) pos += 1
      const name = text.slice(nameStart, pos).toLowerCase()
      skip(/[ \t]/)
      let value = ''
      if (text[pos] === '=') {
        pos += 1
        skip(/[ \t]/)
        if (text[pos] === '"') {
          const read = readQuoted(text, pos)
          value = read.value
          pos = read.end
        } else {
          const valueStart = pos
          while (pos < text.length && /[^\s;,]/.test(text[pos] ?? '')) pos += 1
          value = text.slice(valueStart, pos)
        }
      }
      // RFC 8288: the first occurrence of a parameter wins.
      if (name !== '' && params[name] === undefined) params[name] = value
    }
    out.push({ target, params })
    pos = skipToNextComma(text, pos)
  }
  return out
}

function readQuoted(text: string, start: number): { value: string; end: number } {
  let value = ''
  let pos = start + 1
  while (pos < text.length) {
    const ch = text[pos] ?? ''
    pos += 1
    if (ch === '\\' && pos < text.length) {
      value += text[pos] ?? ''
      pos += 1
    } else if (ch === '"') {
      break
    } else {
      value += ch
    }
  }
  return { value, end: pos }
}

function skipToNextComma(text: string, from: number): number {
  let pos = from
  let inQuotes = false
  while (pos < text.length) {
    const ch = text[pos]
    if (ch === '"') inQuotes = !inQuotes
    else if (ch === ',' && !inQuotes) return pos + 1
    pos += 1
  }
  return pos
}
