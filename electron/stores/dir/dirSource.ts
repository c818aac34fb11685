// skopeo's dir: format: a directory with a `version` file ("Directory Transport Version: 1.x"),
// the image's manifest.json, and one file per blob named by its hex digest. `skopeo copy --all`
// adds the per-platform manifests as HEX.manifest.json. Read-only, every byte verified.

import { lstat, stat } from 'node:fs/promises'
import { join, resolve as resolvePath } from 'node:path'
import type { Readable } from 'node:stream'
import { createHash } from 'node:crypto'
import type { EquivalentCommand, ImageWarning } from '../../../shared/api'
import { parseDigest } from '../../../shared/digest'
import { StrataError } from '../../../shared/errors'
import { MAX_MANIFEST_BYTES, parseManifestBytes } from '../../../shared/oci/parseManifest'
import type { Descriptor } from '../../../shared/oci/types'
import { formatSourceRef } from '../../../shared/sourceRef'
import type {
  ImageSource,
  PlainImageSource,
  SourceCallOptions,
  VerifiedBlob,
  VerifiedManifest,
} from '../../sources/imageSource'
import { UNKNOWN_SIZE } from '../../sources/imageSource'
import { readStoreFile } from '../../util/safeFile'
import {
  fileError,
  MAX_SMALL_BLOB_BYTES,
  openVerifiedFile,
  readVerifiedFile,
} from '../../sources/blobFile'
import { verifyBytes } from '../../sources/verify'
import { withPath } from '../oci-layout/ociLayoutIndex'
import type { CommandTarget } from '../discovery/storeCommands'
import { dirCommands } from '../discovery/storeCommands'

const DIR_EXPECTED = 'a skopeo dir: directory (a version file, manifest.json and one file per blob)'
const VERSION_PREFIX = 'Directory Transport Version: 1.'

export async function openDir(path: string, signal?: AbortSignal): Promise<ImageSource> {
  const root = resolvePath(path)
  const notes = await checkDirLayout(root)
  const source = new DirSource(root, notes)
  await source.resolve(signal ? { signal } : {})
  return source
}

/** Throws unless `root` reads as a dir:; returns notes on anything it had to accept. */
async function checkDirLayout(root: string): Promise<readonly ImageWarning[]> {
  let isDirectory: boolean
  try {
    isDirectory = (await stat(root)).isDirectory()
  } catch (error) {
    throw fileError(error, root, DIR_EXPECTED)
  }
  if (!isDirectory) {
    throw new StrataError(
      'BAD_INPUT',
      `${root} is a file, not a directory; expected ${DIR_EXPECTED}`,
      {
        subject: root,
      },
    )
  }
  const versionPath = join(root, 'version')
  let version: string
  try {
    // No links, regular file only, capped: the real file is one short line.
    const bytes = await readStoreFile(root, 'version', 'the version file of a skopeo dir:', {
      maxBytes: 4096,
      what: 'a dir: version file',
    })
    version = Buffer.from(bytes).subarray(0, 256).toString('utf8')
  } catch (error) {
    const mapped = fileError(error, versionPath, 'the version file of a skopeo dir:')
    if (mapped.code !== 'NOT_FOUND') throw mapped
    if (await hasManifestFile(root)) return [{ kind: 'noVersionFile', dir: root }]
    throw new StrataError(
      'BAD_INPUT',
      `${root} is not a skopeo dir: it has no version file and no manifest.json (expected ${DIR_EXPECTED})`,
      { subject: root },
    )
  }
  if (!version.startsWith(VERSION_PREFIX)) {
    throw new StrataError(
      'BAD_INPUT',
      // Quoted only when it is a version line: the file's bytes are not echoed otherwise.
      /^Directory Transport Version: [\d.]{1,16}\s*$/.test(version)
        ? `${versionPath} says "${version.trim()}"; Strata reads "${VERSION_PREFIX}x" dirs`
        : `${versionPath} is not a skopeo version line; Strata reads "${VERSION_PREFIX}x" dirs`,
      { subject: versionPath },
    )
  }
  return []
}

/** skopeo reads a dir: that lacks its version file (its own test fixtures ship so); so do we. */
async function hasManifestFile(root: string): Promise<boolean> {
  try {
    return (await lstat(join(root, 'manifest.json'))).isFile()
  } catch {
    return false
  }
}

class DirSource implements PlainImageSource<'dir'> {
  readonly kind = 'dir'
  readonly ref: string
  readonly label: string
  private root: Descriptor | undefined
  private rootBytes: Uint8Array | undefined

  constructor(
    private readonly dir: string,
    /** What the user should know about how the directory was read (no version file). */
    readonly warnings: readonly ImageWarning[] = [],
  ) {
    this.ref = formatSourceRef({ transport: 'dir', path: dir })
    this.label = `skopeo dir ${dir}${warnings.length > 0 ? ' (no version file)' : ''}`
  }

  /** Re-reads manifest.json each time, so a directory rewritten by skopeo is seen afresh. */
  async resolve(options?: SourceCallOptions): Promise<Descriptor> {
    options?.signal?.throwIfAborted()
    const path = join(this.dir, 'manifest.json')
    let bytes: Uint8Array
    try {
      const expected = `the manifest.json of ${DIR_EXPECTED}`
      bytes = await readStoreFile(this.dir, 'manifest.json', expected, {
        maxBytes: MAX_MANIFEST_BYTES,
        what: 'a manifest',
        ...(options?.signal ? { signal: options.signal } : {}),
      })
    } catch (error) {
      throw fileError(error, path, `the manifest.json of ${DIR_EXPECTED}`)
    }
    let mediaType: string
    try {
      mediaType = parseManifestBytes(bytes).mediaType
    } catch (error) {
      throw withPath(error, path)
    }
    const digest = `sha256:${createHash('sha256').update(bytes).digest('hex')}`
    this.root = { mediaType, digest, size: bytes.byteLength }
    this.rootBytes = bytes
    return this.root
  }

  async fetchManifest(
    descriptor: Descriptor,
    options?: SourceCallOptions,
  ): Promise<VerifiedManifest> {
    let bytes: Uint8Array
    let path: string
    let sized: Descriptor
    if (this.rootBytes !== undefined && descriptor.digest === this.root?.digest) {
      path = join(this.dir, 'manifest.json')
      bytes = this.rootBytes
      sized = descriptor.size === UNKNOWN_SIZE ? { ...descriptor, size: bytes.length } : descriptor
      verifyBytes(bytes, sized, { local: path })
    } else {
      path = join(this.dir, `${parseDigest(descriptor.digest).encoded}.manifest.json`)
      sized = await withSize(descriptor, path)
      bytes = await this.readFile(path, sized, MAX_MANIFEST_BYTES, options)
    }
    try {
      return { descriptor: sized, bytes, parsed: parseManifestBytes(bytes, descriptor.mediaType) }
    } catch (error) {
      throw withPath(error, path)
    }
  }

  async fetchSmallBlob(descriptor: Descriptor, options?: SourceCallOptions): Promise<VerifiedBlob> {
    const path = await this.blobPath(descriptor)
    const sized = await withSize(descriptor, path)
    return {
      descriptor: sized,
      bytes: await this.readFile(path, sized, MAX_SMALL_BLOB_BYTES, options),
    }
  }

  async openBlob(descriptor: Descriptor, options?: SourceCallOptions): Promise<Readable> {
    options?.signal?.throwIfAborted()
    const path = await this.blobPath(descriptor)
    return openVerifiedFile(path, await withSize(descriptor, path), {
      root: this.dir,
      ...(options?.signal ? { signal: options.signal } : {}),
    })
  }

  commandsFor(target: CommandTarget): readonly EquivalentCommand[] {
    return dirCommands(this.dir, this.root?.digest, target)
  }

  private readFile(
    path: string,
    descriptor: Descriptor,
    maxBytes: number,
    options?: SourceCallOptions,
  ): Promise<Uint8Array> {
    options?.signal?.throwIfAborted()
    return readVerifiedFile(path, descriptor, {
      maxBytes,
      root: this.dir,
      ...(options?.signal ? { signal: options.signal } : {}),
    })
  }

  /**
   * sha256 blobs are named by their hex; other algorithms by "ALG-HEX" in newer skopeo. The
   * first name that exists wins; NOT_FOUND names the plain one.
   */
  private async blobPath(descriptor: Descriptor): Promise<string> {
    const { algorithm, encoded } = parseDigest(descriptor.digest)
    const plain = join(this.dir, encoded)
    if (algorithm === 'sha256') return plain
    for (const name of [`${algorithm}-${encoded}`, encoded]) {
      const candidate = join(this.dir, name)
      try {
        await stat(candidate)
        return candidate
      } catch {
        // try the next spelling
      }
    }
    return plain
  }
}

/** Fills in the real size of a descriptor that only knows its digest. */
async function withSize(descriptor: Descriptor, path: string): Promise<Descriptor> {
  if (descriptor.size !== UNKNOWN_SIZE) return descriptor
  try {
    return { ...descriptor, size: (await stat(path)).size }
  } catch (error) {
    throw fileError(error, path, `blob ${descriptor.digest}`)
  }
}
