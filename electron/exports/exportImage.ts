// One export, all or nothing: the layout is written into a hidden sibling of the destination
// (".NAME.strata-partial-RANDOM"), packed into a sibling tar for an oci-archive, and moved into
// place only once complete. Cancel, a blob that fails its digest, a full disk or a folder that
// cannot be written remove the siblings, so no partial layout or archive is ever left behind.
// An existing destination is refused, never merged into: another tool's index.json would be
// rewritten under it.

import { randomBytes } from 'node:crypto'
import { link, lstat, rename, rm, stat, unlink } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import type { ImageExportFormat, ImageExportResult } from '../../shared/api'
import { StrataError } from '../../shared/errors'
import type { ImageSource } from '../sources/imageSource'
import type { TrackedOperation } from '../util/operationTracker'
import { packLayout } from './archiveWriter'
import { planExport } from './exportPlan'
import { planTotals, writeLayout } from './layoutWriter'
import { exportWriteError } from './writeErrors'

export interface ExportRequest {
  readonly platform?: string
  readonly format: ImageExportFormat
  /** Absolute path that must not exist yet. */
  readonly destination: string
  readonly tag?: string
}

async function exists(path: string): Promise<boolean> {
  try {
    await lstat(path)
    return true
  } catch {
    return false
  }
}

async function checkDestination(destination: string, folder: string): Promise<void> {
  let info
  try {
    info = await stat(folder)
  } catch (error) {
    throw exportWriteError(error, destination, folder)
  }
  if (!info.isDirectory()) {
    throw new StrataError('NOT_FOUND', `${folder} is not a folder; choose an existing folder`, {
      subject: folder,
      cause: 'ENOTDIR',
    })
  }
  if (await exists(destination)) {
    throw new StrataError(
      'BAD_INPUT',
      `${destination} already exists; Strata writes a new layout or archive and does not add into or replace an existing one. Choose a new name`,
      { subject: destination, cause: 'EEXIST' },
    )
  }
}

export async function exportImage(
  source: ImageSource,
  request: ExportRequest,
  operation: TrackedOperation,
): Promise<ImageExportResult> {
  const { destination, format } = request
  const folder = dirname(destination)
  const signal = operation.signal
  await checkDestination(destination, folder)
  const partial = join(
    folder,
    `.${basename(destination)}.strata-partial-${randomBytes(6).toString('hex')}`,
  )
  const partialArchive = `${partial}.tar`
  const ref = source.ref
  try {
    operation.report(0, undefined, { kind: 'export', ref })
    const plan = await planExport(source, request.platform, signal)
    const totals = planTotals(plan)
    await writeLayout(partial, source, plan, request.tag, signal, (bytes, blobs) => {
      operation.report(bytes, totals.bytes, {
        kind: 'exportBlobs',
        ref,
        blobs,
        totalBlobs: totals.blobs,
      })
    })
    if (format === 'oci-archive') {
      operation.report(totals.bytes, totals.bytes, { kind: 'exportArchive', ref })
      await packLayout(partial, partialArchive, signal)
      // link() refuses an existing name, so a file that appeared meanwhile is never replaced.
      await link(partialArchive, destination)
      await unlink(partialArchive)
      await rm(partial, { recursive: true, force: true })
    } else {
      if (await exists(destination)) await checkDestination(destination, folder)
      await rename(partial, destination)
    }
    operation.report(totals.bytes, totals.bytes, { kind: 'export', ref })
    return {
      path: destination,
      format,
      digest: plan.root.digest,
      sourceDigest: plan.sourceDigest,
      mediaType: plan.root.mediaType,
      blobs: totals.blobs,
      bytes: totals.bytes,
      ...(request.tag !== undefined ? { tag: request.tag } : {}),
    }
  } catch (error) {
    await rm(partial, { recursive: true, force: true })
    await rm(partialArchive, { force: true })
    if (signal.aborted) {
      throw new StrataError(
        'CANCELLED',
        `exporting ${source.ref} was cancelled; nothing was left at ${destination}`,
        {
          subject: destination,
        },
      )
    }
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      await checkDestination(destination, folder)
    }
    throw exportWriteError(error, destination, folder)
  } finally {
    operation.finish()
  }
}
