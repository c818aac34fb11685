// Parser for WWW-Authenticate (RFC 9110 §11.6.1): one header may carry several challenges,
// each a scheme followed by either a token68 or comma-separated name=value parameters whose
// values may be quoted strings (with commas and escaped quotes inside).

export interface AuthChallenge {
  /** Lowercased scheme: "bearer", "basic". */
  readonly scheme: string
  /** Lowercased parameter names; values unquoted. */
  readonly params: Readonly<Record<string, string>>
  readonly token68?: string
}

export interface BearerChallenge {
  readonly realm: string
  readonly service?: string
  readonly scope?: string
  readonly error?: string
}

const TOKEN_CHAR = /[!#$%&'*+\-.^_`|~0-9A-Za-z]/
const TOKEN68_TAIL = /^[A-Za-z0-9\-._~+/]+=*$/

/** Every challenge in one or more header values; garbage after a challenge is skipped. */
export function parseWwwAuthenticate(
  header: string | readonly string[] | undefined,
): AuthChallenge[] {
  if (header === undefined) return []
  const values = typeof header === 'string' ? [header] : header
  return values.flatMap((value) => new ChallengeReader(value).readAll())
}

/** The first Bearer challenge with a realm, as registries send it. */
export function bearerChallenge(challenges: readonly AuthChallenge[]): BearerChallenge | undefined {
  for (const c of challenges) {
    const realm = c.params.realm
    if (c.scheme !== 'bearer' || realm === undefined || realm === '') continue
    return {
      realm,
      ...(c.params.service !== undefined ? { service: c.params.service } : {}),
      ...(c.params.scope !== undefined ? { scope: c.params.scope } : {}),
      ...(c.params.error !== undefined ? { error: c.params.error } : {}),
    }
  }
  return undefined
}

export function hasBasicChallenge(challenges: readonly AuthChallenge[]): boolean {
  return challenges.some((c) => c.scheme === 'basic')
}

class ChallengeReader {
  private pos = 0

  constructor(private readonly text: string) {}

  readAll(): AuthChallenge[] {
    const out: AuthChallenge[] = []
    for (;;) {
      this.skip(/[\s,]/)
      if (this.done()) return out
      const scheme = this.token()
      if (scheme === '') {
        this.pos += 1 // not a token character: skip it and look for the next challenge
        continue
      }
      out.push(this.readChallengeBody(scheme.toLowerCase()))
    }
  }

  private readChallengeBody(scheme: string): AuthChallenge {
    const params: Record<string, string> = {}
    this.skip(/[ \t]/)
    const token68 = this.tryToken68()
    if (token68 !== undefined) return { scheme, params, token68 }
    for (;;) {
      this.skip(/[\s,]/)
      const start = this.pos
      const name = this.token()
      this.skip(/[ \t]/)
      if (name === '' || this.peek() !== '=') {
        // A token not followed by "=" starts the next challenge.
        this.pos = start
        return { scheme, params }
      }
      this.pos += 1
      this.skip(/[ \t]/)
      const value = this.peek() === '"' ? this.quoted() : this.token()
      params[name.toLowerCase()] = value
      this.skip(/[ \t]/)
      if (this.done()) return { scheme, params }
    }
  }

  /** token68 ("Negotiate abc==") only when it is the whole challenge body. */
  private tryToken68(): string | undefined {
    const rest = this.text.slice(this.pos)
    const end = rest.search(/[\s,]/)
    const candidate = end < 0 ? rest : rest.slice(0, end)
    if (candidate === '' || !TOKEN68_TAIL.test(candidate)) return undefined
    // name=value looks like token68 only if "=" is the last character(s) and nothing follows.
    const eq = candidate.indexOf('=')
    if (eq >= 0 && /[^=]/.test(candidate.slice(eq))) return undefined
    if (eq < 0) {
      // A bare token followed by "=" later would be a parameter name; a bare token followed by
      // a comma or the end is a token68 only if no "=" follows it.
      const after = rest.slice(candidate.length).trimStart()
      if (after.startsWith('=')) return undefined
      if (after !== '' && !after.startsWith(',')) return undefined
    }
    this.pos += candidate.length
    return candidate
  }

  private quoted(): string {
    this.pos += 1 // opening quote
    let out = ''
    while (!this.done()) {
      const ch = this.text[this.pos] ?? ''
      this.pos += 1
      if (ch === '\\' && !this.done()) {
        out += this.text[this.pos] ?? ''
        this.pos += 1
      } else if (ch === '"') {
        return out
      } else {
        out += ch
      }
    }
    return out // unterminated: take what there is
  }

  private token(): string {
    const start = this.pos
    while (!this.done() && TOKEN_CHAR.test(this.text[this.pos] ?? '')) this.pos += 1
    return this.text.slice(start, this.pos)
  }

  private skip(chars: RegExp): void {
    while (!this.done() && chars.test(this.text[this.pos] ?? '')) this.pos += 1
  }

  private peek(): string {
    return this.text[this.pos] ?? ''
  }

  private done(): boolean {
    return this.pos >= this.text.length
  }
}
