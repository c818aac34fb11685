// Typed lint for the whole project. The layering rules below are the ones DESIGN.md names:
// renderer/ never reaches Node or the main side, shared/ imports neither side, and domain
// code in electron/ never imports `electron` (only the shell files do).
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import i18next from 'eslint-plugin-i18next'
import strata from './eslint-rules/importRanks.js'
import { electronRanks } from './eslint-rules/electronRanks.js'
import { noJsonParseCast } from './eslint-rules/jsonParseCast.js'

const electronShellFiles = ['electron/main.ts', 'electron/preload.ts', 'electron/shell/**/*.ts']

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'dist/**',
      '.tmp/**',
      'release/**',
      'assets/**',
      '**/*.js',
      '**/*.cjs',
      // The local rules are plain JavaScript with hand-written .d.ts beside them.
      'eslint-rules/**',
      // Files that break the import ranks on purpose (test/unit/meta/importRanks.test.ts).
      'test/fixtures/lint/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        project: ['./tsconfig.json', './renderer/tsconfig.json'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    // node:test's test()/describe() return promises the runner itself awaits.
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          allowForKnownSafeCalls: [
            {
              from: 'package',
              package: 'node:test',
              name: [
                'test',
                'describe',
                'it',
                'suite',
                'before',
                'after',
                'beforeEach',
                'afterEach',
              ],
            },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*'], message: 'renderer/ runs in a sandbox: no Node modules.' },
            {
              group: ['electron', '**/electron/**'],
              message: 'renderer/ talks to the main side only through renderer/api.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*'], message: 'shared/ is imported by the renderer: no Node modules.' },
            {
              group: ['electron', '**/electron/**', '**/renderer/**'],
              message: 'shared/ imports neither side.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/**/*.ts'],
    ignores: electronShellFiles,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              message: 'Only the Electron shell (main.ts, preload.ts, shell/) imports electron.',
            },
          ],
          patterns: [
            { group: ['**/renderer/**'], message: 'The main side never imports renderer code.' },
          ],
        },
      ],
    },
  },
  {
    // Untrusted JSON is parsed as unknown and validated, never cast (DESIGN.md).
    files: ['electron/**/*.ts', 'shared/**/*.ts', 'renderer/**/*.{ts,tsx}'],
    rules: { 'no-restricted-syntax': ['error', noJsonParseCast] },
  },
  {
    // Import ranks of the main side (eslint-rules/importRanks.js, DESIGN.md "Layout").
    files: ['electron/**/*.ts'],
    plugins: { strata },
    rules: { 'strata/import-ranks': ['error', electronRanks] },
  },
  // ---- Renderer import ranks ----
  {
    // DESIGN.md: a feature imports components, api, routing and shared; only frame (and the
    // entries above it) imports features. Each features/<name> is its own folder, and features
    // do not import each other. styles/ holds plain CSS that imports nothing: the lowest rank.
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { strata },
    rules: {
      'strata/import-ranks': [
        'error',
        {
          root: 'renderer',
          nestedFolders: ['features'],
          ranks: [
            ['i18n', 'api', 'routing', 'styles'],
            ['components'],
            ['features'],
            ['frame'],
            ['.'],
          ],
          peers: 'deny',
        },
      ],
    },
  },
  // ---- end of renderer import ranks ----
  {
    // Every string a person reads comes from the catalogues (DESIGN.md "Strings and
    // languages"): no literal text in JSX, nor in the attributes people read or hear.
    files: ['renderer/**/*.tsx'],
    plugins: { i18next },
    rules: {
      'i18next/no-literal-string': [
        'error',
        {
          mode: 'jsx-only',
          'jsx-attributes': {
            include: ['title', 'aria-label', 'aria-description', 'placeholder', 'alt', 'label'],
          },
          'should-validate-template': true,
        },
      ],
    },
  },
)
