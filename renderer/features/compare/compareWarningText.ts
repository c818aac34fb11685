// A comparison warning in the language shown, worded from its kind and data (the main side sends
// no sentences). No DOM, so a unit test checks every kind in both languages.
import type { TFunction } from 'i18next'
import type { CompareWarning } from '../../../shared/api/compare'

export function compareWarningText(warning: CompareWarning, t: TFunction<'compare'>): string {
  switch (warning.kind) {
    case 'diffIdCount':
      return t('warning.diffIdCount', {
        ref: warning.ref,
        diffIds: warning.diffIds,
        layers: warning.layers,
      })
    case 'contentUnread':
      return t('warning.contentUnread', { path: warning.path })
    case 'filesCapped':
      return t('warning.filesCapped', { total: warning.total, listed: warning.listed })
  }
}

/** Warnings the file diff adds (shown with the file list when files are compared apart). */
export function isFileWarning(warning: CompareWarning): boolean {
  return warning.kind === 'contentUnread' || warning.kind === 'filesCapped'
}
