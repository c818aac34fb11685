import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'

// The test command globs one folder level per tier (sh expands `*`, not `**`), so a test file
// at the flat level or two folders down would be skipped without a word. test/README.md has
// the rule this checks.
const ROOT = path.resolve(import.meta.dirname, '../../..')
const TIERS = ['unit', 'integration', 'e2e']
const GLOBS = TIERS.map((tier) => `test/${tier}/*/*.test.ts`)
const NAME = /^[a-z][A-Za-z0-9]*\.test\.ts$/
// Folders that are not a main-side folder or a renderer feature: renderer-wide code, the
// frame (top bar, language, presentation mode) and the catalogues have their own.
const EXTRA_FOLDERS = ['renderer', 'shared', 'meta', 'frame', 'i18n']

function subfolders(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
}

/** Every file under dir, as paths relative to dir with `/` separators. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep))
    .map((parts) => parts.join('/'))
}

/** What is wrong with one tier's test files (paths relative to the tier folder). */
function layoutProblems(files: string[], folders: ReadonlySet<string>): string[] {
  const problems: string[] = []
  for (const file of files.filter((name) => name.endsWith('.test.ts'))) {
    const [folder, name, ...deeper] = file.split('/')
    if (folder === undefined || name === undefined || deeper.length > 0) {
      problems.push(`${file}: not one folder deep, the test glob skips it`)
      continue
    }
    if (!folders.has(folder)) problems.push(`${file}: folder ${folder} names no code folder`)
    if (!NAME.test(name)) problems.push(`${file}: name is not lowerCamelCase`)
  }
  return problems
}

function codeFolders(): Set<string> {
  return new Set([
    ...subfolders(path.join(ROOT, 'electron')),
    ...subfolders(path.join(ROOT, 'renderer/features')),
    ...EXTRA_FOLDERS,
  ])
}

test('the rule catches flat, too deep, unknown-folder and oddly named test files', () => {
  const folders = new Set(['files', 'registry'])
  const problems = layoutProblems(
    [
      'files/layersRange.test.ts',
      'gzip-checkpoints.test.ts',
      'files/deep/thing.test.ts',
      'nowhere/thing.test.ts',
      'registry/registry-errors.test.ts',
      'files/notATest.ts',
    ],
    folders,
  )
  assert.deepEqual(problems, [
    'gzip-checkpoints.test.ts: not one folder deep, the test glob skips it',
    'files/deep/thing.test.ts: not one folder deep, the test glob skips it',
    'nowhere/thing.test.ts: folder nowhere names no code folder',
    'registry/registry-errors.test.ts: name is not lowerCamelCase',
  ])
})

test('every test file sits where the test command finds it', () => {
  const folders = codeFolders()
  const problems: string[] = []
  let count = 0
  for (const tier of TIERS) {
    const files = filesUnder(path.join(ROOT, 'test', tier))
    count += files.filter((name) => name.endsWith('.test.ts')).length
    problems.push(...layoutProblems(files, folders).map((problem) => `test/${tier}/${problem}`))
  }
  assert.deepEqual(problems, [])
  assert.ok(count > 100, `only ${count} test files found`)
})

test('the test scripts glob exactly one folder level under each tier', () => {
  const manifest: unknown = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'))
  assert.ok(typeof manifest === 'object' && manifest !== null && 'scripts' in manifest)
  const scripts = manifest.scripts
  assert.ok(typeof scripts === 'object' && scripts !== null)
  const test = 'test' in scripts ? scripts.test : undefined
  const unit = 'test:unit' in scripts ? scripts['test:unit'] : undefined
  assert.ok(typeof test === 'string' && typeof unit === 'string')
  assert.ok(test.endsWith(`node --import tsx --test ${GLOBS.join(' ')}`), test)
  assert.ok(unit.endsWith(`node --import tsx --test ${GLOBS[0]}`), unit)
})
