// The hostile layers of issue 10 (items 6 and 8), made once and kept in a cache directory:
// zero bombs (one 1 GiB file of zeros, gzip -9 ≈ 1 MB; zstd -19 ≈ 33 KB with a 32 MiB window,
// the widest Strata accepts), 400 entries with 900 KB pax paths, one pax path of 499,000
// components, and a deep tree that stays under the path cap (2,000 nested directories).
// Test and bench code only.

import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, open, rename, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { encodeTarHeader, paxRecord, TAR_END } from '../../electron/tar/tarEncode'
import { runShell, shellQuote } from './shell'

const ONE_GIB = 1024 * 1024 * 1024

export const HOSTILE_CACHE_DIR =
  process.env.STRATA_HOSTILE_CACHE ?? join(tmpdir(), 'strata-hostile-layers-v2')

export type HostileKind = 'zeros-gzip' | 'zeros-zstd' | 'long-pax' | 'deep-pax' | 'deep-tree'

export const HOSTILE_KINDS: readonly HostileKind[] = [
  'zeros-gzip',
  'zeros-zstd',
  'long-pax',
  'deep-pax',
  'deep-tree',
]

const FILE_NAMES: Readonly<Record<HostileKind, string>> = {
  'zeros-gzip': 'zeros-1gib.tar.gz',
  'zeros-zstd': 'zeros-1gib.tar.zst',
  'long-pax': 'long-pax-400.tar.gz',
  'deep-pax': 'deep-pax-499000.tar.gz',
  'deep-tree': 'deep-tree-2000.tar.gz',
}

export const HOSTILE_MEDIA_TYPES: Readonly<Record<HostileKind, string>> = {
  'zeros-gzip': 'application/vnd.oci.image.layer.v1.tar+gzip',
  'zeros-zstd': 'application/vnd.oci.image.layer.v1.tar+zstd',
  'long-pax': 'application/vnd.oci.image.layer.v1.tar+gzip',
  'deep-pax': 'application/vnd.oci.image.layer.v1.tar+gzip',
  'deep-tree': 'application/vnd.oci.image.layer.v1.tar+gzip',
}

const file = (name: string, size: number, mode = 0o644) =>
  encodeTarHeader({ name, kind: 'file', mode, uid: 0, gid: 0, size, mtime: 1_700_000_000 })

/** A pax header block + records + a ustar block, the pax path overriding the ustar name. */
function paxPathEntry(path: string): Buffer {
  const records = paxRecord('path', path)
  const pax = encodeTarHeader({
    name: 'PaxHeaders/x',
    kind: 'file',
    mode: 0o644,
    uid: 0,
    gid: 0,
    size: records.length,
    mtime: 1_700_000_000,
  })
  // Turn the plain header into a pax 'x' header: typeflag at 156, checksum recomputed.
  pax[156] = 'x'.charCodeAt(0)
  pax.fill(0x20, 148, 156)
  let sum = 0
  for (const byte of pax) sum += byte
  pax.write(`${sum.toString(8).padStart(6, '0')}\u0000 `, 148, 8, 'latin1')
  const pad = Buffer.alloc((512 - (records.length % 512)) % 512)
  return Buffer.concat([pax, records, pad, file('placeholder', 0)])
}

async function makeSmallTar(kind: HostileKind, tarPath: string): Promise<void> {
  const parts: Buffer[] = []
  if (kind === 'long-pax') {
    // Written entry by entry: 360 MB in one buffer would swell the process making it.
    const out = await open(tarPath, 'w')
    try {
      for (let i = 0; i < 400; i++) await out.write(paxPathEntry(`${i}/${'a'.repeat(900_000)}`))
      await out.write(TAR_END)
    } finally {
      await out.close()
    }
    return
  } else if (kind === 'deep-pax') {
    parts.push(paxPathEntry(`${'a/'.repeat(499_000)}f`))
  } else {
    // 2,000 directories nested in each other (a path of 3,999 bytes), a file at the bottom.
    let dir = ''
    for (let depth = 0; depth < 2000; depth++) {
      dir = dir === '' ? 'd' : `${dir}/d`
      parts.push(
        encodeTarHeader({ name: dir, kind: 'dir', mode: 0o755, uid: 0, gid: 0, size: 0, mtime: 0 }),
      )
    }
    parts.push(file(`${dir}/bottom`, 0))
    parts.push(
      encodeTarHeader({
        name: 'top-link',
        kind: 'symlink',
        mode: 0o777,
        uid: 0,
        gid: 0,
        size: 0,
        mtime: 0,
        linkname: `${dir}/bottom`,
      }),
    )
  }
  parts.push(TAR_END)
  await writeFile(tarPath, Buffer.concat(parts))
}

/**
 * The layer file of `kind`, made on first use (a zero bomb takes a few seconds). `variant`
 * renames the zero file inside, so several zero bombs have distinct digests (the indexer
 * shares one read between requests for one digest, which would hide the concurrency).
 */
export async function hostileLayer(kind: HostileKind, variant = 0): Promise<string> {
  const name = variant === 0 ? FILE_NAMES[kind] : `v${variant}-${FILE_NAMES[kind]}`
  const target = join(HOSTILE_CACHE_DIR, name)
  if (existsSync(target)) return target
  await mkdir(HOSTILE_CACHE_DIR, { recursive: true })
  const work = await mkdtemp(join(HOSTILE_CACHE_DIR, 'work-'))
  const partial = join(work, 'layer')
  try {
    if (kind === 'zeros-gzip' || kind === 'zeros-zstd') {
      const header = join(work, 'header')
      await writeFile(header, file(variant === 0 ? 'zeros' : `zeros-${variant}`, ONE_GIB))
      const compress = kind === 'zeros-gzip' ? 'gzip -9 -n -c' : 'zstd -q -19 --zstd=wlog=25 -c'
      await runShell(
        `(cat ${shellQuote(header)}; head -c ${ONE_GIB + TAR_END.length} /dev/zero) | ` +
          `${compress} > ${shellQuote(partial)}`,
      )
    } else {
      const tar = join(work, 'layer.tar')
      await makeSmallTar(kind, tar)
      await runShell(`gzip -9 -n -c < ${shellQuote(tar)} > ${shellQuote(partial)}`)
    }
    await rename(partial, target)
    return target
  } finally {
    await rm(work, { recursive: true, force: true })
  }
}
