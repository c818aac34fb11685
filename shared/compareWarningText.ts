// A comparison warning in English: for logs, the command line and tests that read text. The
// renderer words warnings from its catalogues instead (renderer/features/compare/compareWarningText.ts).
import type { CompareWarning } from './api/compare'

const count = (n: number): string => n.toLocaleString('en-US')

export function englishCompareWarning(warning: CompareWarning): string {
  switch (warning.kind) {
    case 'diffIdCount':
      return `${warning.ref}: the config lists ${count(warning.diffIds)} diff IDs for ${count(warning.layers)} layers; layers are matched by digest only`
    case 'contentUnread':
      return `${warning.path}: could not read its contents to compare them`
    case 'filesCapped':
      return `The filesystems differ in ${count(warning.total)} paths; the first ${count(warning.listed)} (by path) are listed.`
  }
}
