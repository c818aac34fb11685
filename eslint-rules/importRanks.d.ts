// Types for the plain-JavaScript plugin, so typed code (its test) can load it.
import type { ESLint } from 'eslint'

export interface ImportRanksOptions {
  readonly root: string
  readonly ranks: readonly (readonly string[])[]
  readonly peers?: 'deny' | 'allow'
  readonly allow?: readonly (readonly [string, string])[]
  readonly nestedFolders?: readonly string[]
}

declare const plugin: ESLint.Plugin
export default plugin
