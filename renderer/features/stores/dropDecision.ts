// What a drop onto the window does. Desktop: the dropped file's path (from the preload's
// pathForFile) is probed and opened. Web mode: the browser never tells a page where a file
// lives, so the user gets a one-line hint to paste the path instead. Dropped text (a path, a
// file:// URL, a local transport string) works in both; other text is left alone. Pure, so
// the choices are unit-tested; the words are chosen when shown (dropMessage.ts).
import { translate } from '../../i18n/i18n'
import { interpretPathInput } from './pathInput'

export interface DroppedItems {
  /** The bridge exists (desktop app): paths can be asked for. */
  readonly desktop: boolean
  /** Names of the dropped files and folders, in order. */
  readonly fileNames: readonly string[]
  /** Desktop only: the path of each dropped file ("" when it has none), in the same order. */
  readonly filePaths: readonly string[]
  /** text/uri-list or text/plain, when text was dropped instead of files. */
  readonly text?: string
}

export type DropDecision =
  | {
      readonly kind: 'probe'
      readonly path: string
      /** Several items were dropped: how many, and the name of the one opened. */
      readonly several?: { readonly count: number; readonly name: string }
    }
  | { readonly kind: 'open'; readonly ref: string }
  /** Web mode: the page cannot learn a dropped file's path; the hint says what to do. */
  | { readonly kind: 'hint' }
  /** Desktop: no dropped item has a path on disk (`name`: the first, when it has one). */
  | { readonly kind: 'noPath'; readonly name?: string }
  | { readonly kind: 'ignore' }

/** Web mode's one-line hint, in the language shown. */
export function webDropHint(): string {
  return translate('stores:drop.webHint')
}

export function decideDrop(items: DroppedItems): DropDecision {
  if (items.fileNames.length > 0) return decideFiles(items)
  if (items.text !== undefined && items.text.trim() !== '') {
    const input = interpretPathInput(items.text)
    if (input.kind === 'path') return { kind: 'probe', path: input.path }
    if (input.kind === 'ref') return { kind: 'open', ref: input.ref }
    // Other text (a link dragged inside the app, a stray selection) is not meant for Strata.
    return { kind: 'ignore' }
  }
  return { kind: 'ignore' }
}

function decideFiles(items: DroppedItems): DropDecision {
  if (!items.desktop) return { kind: 'hint' }
  const index = items.filePaths.findIndex((path) => path !== '')
  const path = items.filePaths[index]
  if (index < 0 || path === undefined) {
    const first = items.fileNames[0]
    return first !== undefined ? { kind: 'noPath', name: first } : { kind: 'noPath' }
  }
  const count = items.fileNames.length
  return count > 1
    ? { kind: 'probe', path, several: { count, name: items.fileNames[index] ?? path } }
    : { kind: 'probe', path }
}
