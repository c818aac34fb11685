// What a reference opens in an OCI layout (a directory or a tar of one) once index.json may
// hold broken entries: a broken entry asked for by name fails with what is wrong with it, and a
// layout opened without a reference shows its whole index.json so the broken entries are seen
// beside the good ones. Shared by the directory and the archive sources.

import type { ImageWarning } from '../../../shared/api'
import { MEDIA_TYPES } from '../../../shared/oci/mediaTypes'
import type { ParsedManifest } from '../../../shared/oci/types'
import {
  brokenEntryError,
  brokenEntryWarnings,
  findBrokenEntry,
  isImageEntryType,
} from './ociLayoutEntries'
import { findInLayout, refNamesOf } from './ociLayoutIndex'
import type { LayoutIndex, LayoutTarget } from './ociLayoutIndex'

/** `where` names index.json in messages ("/x/index.json", "/x.tar (member index.json)"). */
export function chooseLayoutTarget(
  layout: LayoutIndex,
  root: string,
  reference: string | undefined,
  where: string,
): LayoutTarget {
  const broken = layout.broken ?? []
  const named = findBrokenEntry(broken, reference)
  // A good entry of the same name or digest still opens; only a name no good entry has fails.
  const good = layout.index.manifests.some(
    (entry) =>
      isImageEntryType(entry.mediaType) &&
      (entry.digest === reference || refNamesOf(entry).includes(reference ?? '')),
  )
  if (named !== undefined && !good) throw brokenEntryError(named, where)
  if ((reference === undefined || reference === '') && broken.length > 0) {
    return { kind: 'layout-index' }
  }
  return findInLayout(layout, root, reference)
}

/** The warnings a layout source reports for its broken entries. */
export function layoutWarnings(
  layout: LayoutIndex | undefined,
  where: string,
): readonly ImageWarning[] {
  return layout === undefined ? [] : brokenEntryWarnings(layout.broken ?? [], where)
}

/**
 * index.json served as the root document: its bytes as read (they verify), parsed as the index
 * of the entries that could be read, so the graph lists those and the warnings name the rest.
 */
export function layoutIndexParsed(layout: LayoutIndex): ParsedManifest {
  return {
    kind: 'index',
    mediaType: layout.index.mediaType ?? MEDIA_TYPES.ociIndex,
    document: layout.index,
  }
}
