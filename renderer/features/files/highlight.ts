// Light syntax highlighting for the file viewer: a small rule-based lexer per line for shell,
// JSON, ini/conf and YAML-ish files. Line by line on purpose: a line's colours never depend on
// lines before it, so the viewer can window long files and highlight only the visible lines.
// Strings or comments spanning lines are coloured per line, which is good enough for reading.

export type Language = 'shell' | 'json' | 'ini' | 'yaml' | 'plain'
export type TokenKind =
  'comment' | 'string' | 'key' | 'number' | 'keyword' | 'variable' | 'punct' | 'text'

export interface Token {
  readonly kind: TokenKind
  readonly text: string
}

type Rule = readonly [RegExp, TokenKind]

const WORD: Rule = [/[A-Za-z0-9_]+/y, 'text']
const SPACE: Rule = [/\s+/y, 'text']
const DQ_STRING = /"(?:[^"\\]|\\.)*"?/y
const SQ_STRING = /'[^']*'?/y
// A number stands alone: not the "80" of "host:80/a" or the "2" of "v2.1-rc".
const NUMBER: Rule = [/(?<![\w.:/-])-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?(?![\w.:/-])/y, 'number']

const SHELL_KEYWORDS =
  'if|then|else|elif|fi|for|while|until|do|done|case|esac|in|function|return|exit|export|local|readonly|set|unset|exec|shift|trap|source'

const RULES: Readonly<Record<Exclude<Language, 'plain'>, readonly Rule[]>> = {
  shell: [
    SPACE,
    [/(?<=^|\s)#.*/y, 'comment'],
    [SQ_STRING, 'string'],
    [DQ_STRING, 'string'],
    [/\$(?:\{[^}]*\}?|[A-Za-z_][A-Za-z0-9_]*|[0-9@#?*$!-])/y, 'variable'],
    [new RegExp(`(?:${SHELL_KEYWORDS})\\b`, 'y'), 'keyword'],
    [/[|&;<>()]+/y, 'punct'],
    WORD,
  ],
  json: [
    SPACE,
    [/"(?:[^"\\]|\\.)*"(?=\s*:)/y, 'key'],
    [DQ_STRING, 'string'],
    NUMBER,
    [/(?:true|false|null)\b/y, 'keyword'],
    [/[{}[\],:]/y, 'punct'],
    WORD,
  ],
  ini: [
    [/^\s*[#;].*/y, 'comment'],
    [/^\s*\[[^\]]*\]?/y, 'keyword'],
    [/^\s*[^=:\s[#;][^=:]*?(?=\s*[=:])/y, 'key'],
    SPACE,
    [/[=:]/y, 'punct'],
    [DQ_STRING, 'string'],
    [SQ_STRING, 'string'],
    [/\$(?:\{[^}]*\}?|[A-Za-z_][A-Za-z0-9_]*)/y, 'variable'],
    NUMBER,
    [/(?:true|false|yes|no|on|off)\b/y, 'keyword'],
    WORD,
  ],
  yaml: [
    SPACE,
    [/(?<=^|\s)#.*/y, 'comment'],
    [/-(?=\s|$)/y, 'punct'],
    [/(?:---|\.\.\.)$/y, 'punct'],
    [/[^\s#'"\-[\]{},][^:#]*?(?=:(?:\s|$))/y, 'key'],
    [/:(?=\s|$)/y, 'punct'],
    [DQ_STRING, 'string'],
    [SQ_STRING, 'string'],
    NUMBER,
    [/(?:true|false|null|yes|no|on|off|~)(?=\s|$|,)/y, 'keyword'],
    [/[[\]{},|>&*!]/y, 'punct'],
    WORD,
  ],
}

const SHELLS = /^#!\s*(?:\/usr)?\/bin\/(?:env\s+)?(?:ba|a|da|z|k)?sh\b/

/** The language of a file, from its name and (for scripts without an extension) first line. */
export function languageFor(path: string, firstLine: string): Language {
  const name = path.slice(path.lastIndexOf('/') + 1).toLowerCase()
  const ext = name.includes('.') ? name.slice(name.lastIndexOf('.') + 1) : ''
  if (SHELLS.test(firstLine) || ['sh', 'bash', 'zsh', 'ksh'].includes(ext)) return 'shell'
  if (['bashrc', '.bashrc', '.profile', 'profile'].includes(name)) return 'shell'
  if (['json', 'jsonc', 'jsonld'].includes(ext) || name === 'index.json') return 'json'
  if (['yaml', 'yml'].includes(ext)) return 'yaml'
  const iniExts = ['ini', 'conf', 'cfg', 'cnf', 'toml', 'properties', 'env', 'service', 'desktop']
  if (iniExts.includes(ext) || ['os-release', 'lsb-release', 'environment'].includes(name)) {
    return 'ini'
  }
  return 'plain'
}

/** The tokens of one line; adjacent tokens of one kind are merged. */
export function tokenizeLine(line: string, language: Language): readonly Token[] {
  if (language === 'plain' || line === '') return line === '' ? [] : [{ kind: 'text', text: line }]
  const rules = RULES[language]
  const tokens: Token[] = []
  const push = (kind: TokenKind, text: string): void => {
    const last = tokens[tokens.length - 1]
    if (last && last.kind === kind) tokens[tokens.length - 1] = { kind, text: last.text + text }
    else tokens.push({ kind, text })
  }
  let at = 0
  while (at < line.length) {
    let matched = false
    for (const [pattern, kind] of rules) {
      pattern.lastIndex = at
      const match = pattern.exec(line)
      if (match && match[0].length > 0) {
        push(kind, match[0])
        at += match[0].length
        matched = true
        break
      }
    }
    if (!matched) {
      push('text', line.charAt(at))
      at++
    }
  }
  return tokens
}
