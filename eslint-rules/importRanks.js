// Local ESLint plugin: the import ranks of DESIGN.md ("Layout"). Each folder under a root
// (electron/ or renderer/) has a rank; a relative import may reach only lower ranks, the
// importer's own folder, or shared/. Same-rank folders may import each other only when
// `peers` is 'allow' or the pair is listed in `allow`. In the spirit of VS Code's
// code-layering rule, but keyed on folders rather than on layer names in paths.
import path from 'node:path'

/** The folder key of a path relative to the root: its first segment, two under a nested folder. */
function folderKeyOf(relative, nestedFolders) {
  const segments = relative.split('/')
  if (segments.length === 1) return '.'
  if (nestedFolders.includes(segments[0]) && segments.length > 2) {
    return `${segments[0]}/${segments[1]}`
  }
  return segments[0]
}

/** The rank of a folder key; a nested key `features/x` takes the rank of `features`. */
function rankOf(key, ranks) {
  const bare = key.split('/')[0]
  for (let i = 0; i < ranks.length; i++) {
    if (ranks[i].includes(key) || ranks[i].includes(bare)) return i
  }
  return -1
}

/** The root directory the file lives in: the last `/<root>/` segment of its path. */
function rootDirOf(filename, root) {
  const normal = filename.split(path.sep).join('/')
  const marker = `/${root}/`
  const at = normal.lastIndexOf(marker)
  return at < 0 ? undefined : normal.slice(0, at + marker.length - 1)
}

/** The string a module node names, for imports, re-exports, import() and import('x').T types. */
function specifierOf(node) {
  const source = node.source ?? node.argument
  if (!source) return undefined
  if (source.type === 'Literal' && typeof source.value === 'string') return source
  if (source.type === 'TSLiteralType' && typeof source.literal?.value === 'string') {
    return source.literal
  }
  return undefined
}

const rule = {
  meta: {
    type: 'problem',
    docs: { description: 'Imports follow the folder ranks of DESIGN.md (lower ranks only).' },
    schema: [
      {
        type: 'object',
        properties: {
          root: { type: 'string' },
          ranks: { type: 'array', items: { type: 'array', items: { type: 'string' } } },
          peers: { enum: ['deny', 'allow'] },
          allow: {
            type: 'array',
            items: { type: 'array', items: { type: 'string' }, minItems: 2, maxItems: 2 },
          },
          nestedFolders: { type: 'array', items: { type: 'string' } },
        },
        required: ['root', 'ranks'],
        additionalProperties: false,
      },
    ],
    messages: {
      higher:
        '{{root}}/{{from}} (rank {{fromRank}}) may not import {{root}}/{{to}} (rank {{toRank}}): imports go to lower ranks only (DESIGN.md, Layout). Move the shared type or function down, or pass it in from the composition root.',
      peer: "{{root}}/{{from}} may not import its peer {{root}}/{{to}}: folders of one rank do not import each other unless the rule's allow list names the pair.",
      unranked:
        "{{root}}/{{folder}} has no rank: every folder under {{root}}/ is named in DESIGN.md's Layout and in the import-ranks rule's options.",
    },
  },
  create(context) {
    const options = context.options[0]
    const { root, ranks } = options
    const peers = options.peers ?? 'deny'
    const allow = options.allow ?? []
    const nestedFolders = options.nestedFolders ?? []
    const filename = context.filename ?? context.getFilename()
    const rootDir = rootDirOf(filename, root)
    if (rootDir === undefined) return {}
    const importerRelative = path.posix.relative(rootDir, filename.split(path.sep).join('/'))
    const from = folderKeyOf(importerRelative, nestedFolders)
    const fromRank = rankOf(from, ranks)

    function check(node) {
      const literal = specifierOf(node)
      if (!literal || !literal.value.startsWith('.')) return
      const target = path.posix.normalize(
        path.posix.join(path.posix.dirname(filename.split(path.sep).join('/')), literal.value),
      )
      const relative = path.posix.relative(rootDir, target)
      // Outside the root (shared/, or the other side which other rules forbid): not ours.
      if (relative.startsWith('..') || path.posix.isAbsolute(relative)) return
      const to = folderKeyOf(relative, nestedFolders)
      if (to === from || to === 'shared') return
      if (allow.some(([a, b]) => a === from && b === to)) return
      const toRank = rankOf(to, ranks)
      if (fromRank < 0) {
        context.report({ node: literal, messageId: 'unranked', data: { root, folder: from } })
        return
      }
      if (toRank < 0) {
        context.report({ node: literal, messageId: 'unranked', data: { root, folder: to } })
        return
      }
      if (toRank > fromRank) {
        context.report({
          node: literal,
          messageId: 'higher',
          data: { root, from, to, fromRank: String(fromRank), toRank: String(toRank) },
        })
      } else if (toRank === fromRank && peers === 'deny') {
        context.report({ node: literal, messageId: 'peer', data: { root, from, to } })
      }
    }

    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check,
      TSImportType: check,
    }
  },
}

export default { rules: { 'import-ranks': rule } }
