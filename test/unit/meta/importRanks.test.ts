// The import-ranks rule and the JSON.parse cast ban bite: ESLint's Node API runs the project's
// own rule options on fixture files that break DESIGN.md's ranks on purpose, and on files that
// keep them.
import assert from 'node:assert/strict'
import path from 'node:path'
import { test } from 'node:test'
import { ESLint } from 'eslint'
import type { Linter } from 'eslint'
import tseslint from 'typescript-eslint'
import strata from '../../../eslint-rules/importRanks.js'
import { electronRanks } from '../../../eslint-rules/electronRanks.js'
import type { ImportRanksOptions } from '../../../eslint-rules/importRanks.js'
import { noJsonParseCast } from '../../../eslint-rules/jsonParseCast.js'

const ROOT = path.resolve(import.meta.dirname, '../../..')
const FIXTURES = path.join(ROOT, 'test/fixtures/lint')

const rendererRanks: ImportRanksOptions = {
  root: 'renderer',
  ranks: [['api', 'routing'], ['components'], ['features'], ['frame'], ['.']],
  peers: 'deny',
  allow: [],
  nestedFolders: ['features'],
}

function linter(): ESLint {
  const config: Linter.Config[] = [
    {
      files: ['**/*.ts'],
      languageOptions: { parser: tseslint.parser },
      plugins: { strata },
      rules: { 'no-restricted-syntax': ['error', noJsonParseCast] },
    },
    {
      files: ['**/electron/**/*.ts'],
      rules: { 'strata/import-ranks': ['error', electronRanks] },
    },
    {
      files: ['**/renderer/**/*.ts'],
      rules: { 'strata/import-ranks': ['error', rendererRanks] },
    },
  ]
  // The fixtures folder is in the project's ignores; this run names its own config instead.
  return new ESLint({ cwd: FIXTURES, overrideConfigFile: true, overrideConfig: config })
}

async function problems(
  file: string,
): Promise<{ rule: string | null; line: number; text: string }[]> {
  const [result] = await linter().lintFiles([path.join(FIXTURES, file)])
  assert.ok(result, `ESLint linted ${file}`)
  return result.messages.map((m) => ({ rule: m.ruleId, line: m.line, text: m.message }))
}

test('a tar/ file importing registry/ breaks a rank', async () => {
  const found = await problems('electron/tar/breaksRankIntoRegistry.ts')
  assert.equal(found.length, 1)
  assert.equal(found[0]?.rule, 'strata/import-ranks')
  assert.equal(found[0]?.line, 2)
  assert.match(
    found[0]?.text ?? '',
    /electron\/tar \(rank 1\) may not import electron\/registry \(rank 3\)/,
  )
})

test('a file that imports its own folder and shared/ passes', async () => {
  assert.deepEqual(await problems('electron/tar/keepsRanks.ts'), [])
})

test('features do not import each other, by re-export or import() either', async () => {
  const found = await problems('electron/compare/breaksPeerIntoHistory.ts')
  assert.deepEqual(
    found.map((p) => [p.rule, p.line]),
    [
      ['strata/import-ranks', 3],
      ['strata/import-ranks', 4],
    ],
  )
  assert.match(found[0]?.text ?? '', /electron\/compare may not import its peer electron\/history/)
})

test('the arrows DESIGN.md names (compare → files) and lower ranks pass', async () => {
  assert.deepEqual(await problems('electron/compare/keepsAllowedArrow.ts'), [])
})

test('a folder without a rank is reported', async () => {
  const found = await problems('electron/misc/breaksUnranked.ts')
  assert.equal(found.length, 1)
  assert.match(found[0]?.text ?? '', /electron\/misc has no rank/)
})

test('JSON.parse(...) as T is flagged, JSON.parse(...) as unknown is not', async () => {
  const found = await problems('electron/sources/breaksJsonCast.ts')
  assert.deepEqual(
    found.map((p) => [p.rule, p.line]),
    [['no-restricted-syntax', 7]],
  )
})

test('renderer: each features/<name> is its own folder, and only frame imports features', async () => {
  const peer = await problems('renderer/features/graph/breaksPeerFeature.ts')
  assert.deepEqual(
    peer.map((p) => p.line),
    [3],
  )
  assert.match(
    peer[0]?.text ?? '',
    /renderer\/features\/graph may not import its peer renderer\/features\/files/,
  )
  const down = await problems('renderer/components/breaksRankIntoFeature.ts')
  assert.equal(down.length, 1)
  assert.match(
    down[0]?.text ?? '',
    /renderer\/components \(rank 1\) may not import renderer\/features\/files \(rank 2\)/,
  )
  assert.deepEqual(await problems('renderer/frame/keepsRanks.ts'), [])
})

test('the project config runs both rules on electron/', async () => {
  const project = new ESLint({ cwd: ROOT })
  const config = (await project.calculateConfigForFile(
    path.join(ROOT, 'electron/tar/tarHeader.ts'),
  )) as { rules?: Record<string, unknown> }
  assert.deepEqual(config.rules?.['strata/import-ranks'], [2, electronRanks])
  assert.deepEqual(config.rules?.['no-restricted-syntax'], [2, noJsonParseCast])
  assert.equal(await project.isPathIgnored(path.join(FIXTURES, 'electron/tar/keepsRanks.ts')), true)
})
