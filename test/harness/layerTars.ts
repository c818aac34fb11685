// Layer tars for the layer tests: real ones made by GNU tar, Python's tarfile, zstd and
// umoci, and hand-built ones for what no tool writes on purpose (hostile names, absurd sizes,
// bad checksums, whiteouts laid out exactly as a test wants). Test code only.

import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { gzipSync } from 'node:zlib'

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `strata-${prefix}-`))
}

/** Runs a command to completion and returns its stdout as bytes. */
export function run(command: string, args: readonly string[], cwd?: string): Buffer {
  return execFileSync(command, [...args], {
    cwd,
    maxBuffer: 512 * 1024 * 1024,
    env: { ...process.env, LC_ALL: 'C.UTF-8' },
  })
}

export interface RawEntry {
  readonly name: string
  /** Tar type flag: "0" file, "1" hardlink, "2" symlink, "5" dir, "x" pax, ... */
  readonly type?: string
  readonly data?: Uint8Array | string
  readonly linkname?: string
  readonly mode?: number
  /** Written into the size field instead of the data's length (octal digits). */
  readonly sizeField?: string
  readonly corruptChecksum?: boolean
}

/** One ustar header block plus padded data, exactly as described. */
export function rawEntry(spec: RawEntry): Buffer {
  const data = typeof spec.data === 'string' ? Buffer.from(spec.data) : Buffer.from(spec.data ?? [])
  const header = Buffer.alloc(512)
  const put = (text: string, at: number, length: number): void => {
    header.write(text, at, Math.min(length, Buffer.byteLength(text)), 'utf8')
  }
  const octal = (n: number, length: number): string => n.toString(8).padStart(length - 1, '0')
  put(spec.name, 0, 100)
  put(octal(spec.mode ?? 0o644, 8), 100, 8)
  put(octal(0, 8), 108, 8)
  put(octal(0, 8), 116, 8)
  put(spec.sizeField ?? octal(data.length, 12), 124, 12)
  put(octal(1_700_000_000, 12), 136, 12)
  put(spec.type ?? '0', 156, 1)
  put(spec.linkname ?? '', 157, 100)
  put('ustar\u000000', 257, 8)
  header.fill(0x20, 148, 156)
  let sum = 0
  for (const byte of header) sum += byte
  if (spec.corruptChecksum === true) sum += 7
  put(`${octal(sum, 7)}\u0000`, 148, 8)
  const padding = Buffer.alloc((512 - (data.length % 512)) % 512)
  return Buffer.concat([header, data, padding])
}

/** A tar of the given entries, with the two zero blocks that end an archive. */
export function rawTar(entries: readonly RawEntry[], end = true): Buffer {
  return Buffer.concat([...entries.map(rawEntry), Buffer.alloc(end ? 1024 : 0)])
}

export const gzip = (bytes: Uint8Array): Buffer => gzipSync(bytes)

/** zstd through the real CLI. */
export function zstd(bytes: Uint8Array): Buffer {
  return execFileSync('zstd', ['-q', '-c', '-3'], { input: bytes, maxBuffer: 512 * 1024 * 1024 })
}

/**
 * A directory exercising every tar feature: a name over 100 bytes, a symlink whose target is
 * over 100 bytes, UTF-8 names, a hardlink, a fifo, a sparse file, nested directories.
 */
export function featureTree(): { readonly root: string; readonly longName: string } {
  const root = tempDir('features')
  const longDir = 'd'.repeat(60)
  const longName = `${longDir}/${'f'.repeat(90)}.txt`
  run('mkdir', ['-p', join(root, longDir), join(root, 'etc'), join(root, 'bin')])
  writeFileSync(join(root, longName), 'long name\n')
  writeFileSync(join(root, 'etc', 'os-release'), 'ID=strata\n')
  writeFileSync(join(root, 'bin', 'busybox'), 'binary\n')
  writeFileSync(join(root, 'héllo wörld ☃.txt'), 'utf8\n')
  run('ln', [join(root, 'bin', 'busybox'), join(root, 'bin', 'sh')])
  run('ln', ['-s', `/${longName}`, join(root, 'longlink')])
  run('ln', ['-s', '../etc/os-release', join(root, 'bin', 'rel')])
  run('mkfifo', [join(root, 'pipe')])
  run('truncate', ['-s', '64M', join(root, 'sparse.img')])
  execFileSync('sh', [
    '-c',
    `printf data | dd of=${join(root, 'sparse.img')} bs=1 seek=1000000 conv=notrunc 2>/dev/null`,
  ])
  return { root, longName }
}

/** `tar --format=FORMAT` of a directory's contents, sorted so output is stable. */
export function gnuTar(root: string, format: 'gnu' | 'posix' | 'ustar', sparse = false): Buffer {
  const args = ['-c', `--format=${format}`, '--sort=name', '--numeric-owner', '-f', '-', '-C', root]
  if (sparse) args.splice(1, 0, '--sparse')
  return run('tar', [...args, '.'])
}

/** A pax tar written by Python's tarfile: UTF-8 long names, fractional mtime, a large uid. */
export function pythonPaxTar(): Buffer {
  const dir = tempDir('pax')
  const out = join(dir, 'layer.tar')
  const script = `
import io, tarfile, sys
with tarfile.open(sys.argv[1], 'w', format=tarfile.PAX_FORMAT) as t:
    def add(name, data=b'', **kw):
        info = tarfile.TarInfo(name)
        info.size = len(data)
        for k, v in kw.items(): setattr(info, k, v)
        t.addfile(info, io.BytesIO(data))
    add('usr/share/' + 'ü' * 120 + '/file.txt', b'pax long utf8', mtime=1700000000.25)
    add('opt/bigid', b'ids', uid=3000000, gid=3000001, mtime=1700000001.5)
    info = tarfile.TarInfo('opt/link-to-long')
    info.type = tarfile.SYMTYPE
    info.linkname = '/usr/share/' + 'ü' * 120 + '/file.txt'
    t.addfile(info)
`
  run('python3', ['-c', script, out])
  return readFileSync(out)
}

export interface BuiltLayer {
  readonly digest: string
  readonly bytes: Buffer
}

/**
 * An image built by umoci: each step edits the unpacked rootfs, then `umoci repack` turns the
 * difference into a layer (deleted paths become real `.wh.` whiteouts). Layers bottom first.
 */
export interface UmociImage {
  /** The OCI layout; the image is tagged "t". */
  readonly layout: string
  readonly layers: readonly BuiltLayer[]
}

export function umociLayers(steps: readonly ((rootfs: string) => void)[]): UmociImage {
  const dir = tempDir('umoci')
  const layout = join(dir, 'layout')
  const bundle = join(dir, 'bundle')
  run('umoci', ['init', '--layout', layout])
  run('umoci', ['new', '--image', `${layout}:t`])
  run('umoci', ['unpack', '--rootless', '--image', `${layout}:t`, bundle])
  for (const step of steps) {
    step(join(bundle, 'rootfs'))
    run('umoci', ['repack', '--refresh-bundle', '--image', `${layout}:t`, bundle])
  }
  return { layout, layers: layoutLayers(layout, 't') }
}

/** The layer blobs, bottom first, of the image tagged `tag` in an OCI layout. */
export function layoutLayers(layout: string, tag: string): BuiltLayer[] {
  const blob = (digest: string): Buffer => readFileSync(join(layout, 'blobs', ...digest.split(':')))
  const index = JSON.parse(readFileSync(join(layout, 'index.json'), 'utf8')) as {
    manifests: { digest: string; annotations?: Record<string, string> }[]
  }
  const named = index.manifests.find(
    (m) => m.annotations?.['org.opencontainers.image.ref.name'] === tag,
  )
  const manifestDigest = (named ?? index.manifests[0])?.digest ?? ''
  const manifest = JSON.parse(blob(manifestDigest).toString('utf8')) as {
    layers: { digest: string }[]
  }
  return manifest.layers.map((layer) => ({ digest: layer.digest, bytes: blob(layer.digest) }))
}

export function sha256(bytes: Uint8Array): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`
}

/** The bytes as a stream of `size`-byte chunks (exercises every block boundary case). */
export function chunked(bytes: Uint8Array, size = 700): Readable {
  const chunks: Buffer[] = []
  for (let i = 0; i < bytes.length; i += size) chunks.push(Buffer.from(bytes.subarray(i, i + size)))
  return Readable.from(chunks, { objectMode: false })
}

/**
 * An amd64/linux OCI image of one layer: its config (diff_id of `uncompressed`) and manifest,
 * as the bytes a registry or a layout stores.
 */
export function singleLayerImage(
  uncompressed: Uint8Array,
  layer: Uint8Array,
  mediaType: string,
): { readonly config: Buffer; readonly manifest: Buffer } {
  const config = Buffer.from(
    JSON.stringify({
      architecture: 'amd64',
      os: 'linux',
      rootfs: { type: 'layers', diff_ids: [sha256(uncompressed)] },
    }),
  )
  const manifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      config: {
        mediaType: 'application/vnd.oci.image.config.v1+json',
        digest: sha256(config),
        size: config.length,
      },
      layers: [{ mediaType, digest: sha256(layer), size: layer.length }],
    }),
  )
  return { config, manifest }
}
