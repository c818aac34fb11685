// The realistic layer: a Debian minbase rootfs made with debootstrap, tarred once and kept
// under ~/.cache/strata-bench/ as rootfs.tar, rootfs.tar.gz (gzip -6) and rootfs.tar.zst
// (zstd -3). A failed debootstrap stops the benchmark: there is no silent substitute.

import { existsSync } from 'node:fs'
import { mkdtemp, rename, rm } from 'node:fs/promises'
import { homedir, tmpdir } from 'node:os'
import { join } from 'node:path'
import { BenchFailure, hasExecutable, run, runShell, shellQuote } from './shell'

export const BENCH_CACHE_DIR =
  process.env.STRATA_BENCH_CACHE ?? join(homedir(), '.cache', 'strata-bench')

export interface RootfsLayers {
  readonly tar: string
  readonly gzip: string
  readonly zstd: string
}

const MIRROR = 'http://deb.debian.org/debian'

async function ensurePackage(binary: string, debianPackage: string): Promise<string> {
  const candidates = [`/usr/sbin/${binary}`, `/usr/bin/${binary}`, `/usr/local/bin/${binary}`]
  const present = candidates.find(hasExecutable)
  if (present !== undefined) return present
  console.log(`installing ${debianPackage} with apt-get…`)
  await run('apt-get', ['install', '-y', '-q', debianPackage], { quiet: true }).catch(async () => {
    await run('apt-get', ['update', '-q'], { quiet: true })
    await run('apt-get', ['install', '-y', '-q', debianPackage], { quiet: true })
  })
  const installed = candidates.find(hasExecutable)
  if (installed === undefined) throw new BenchFailure(`${binary} is still missing after apt-get`)
  return installed
}

async function makeRootfsTar(target: string): Promise<void> {
  const debootstrap = await ensurePackage('debootstrap', 'debootstrap')
  const work = await mkdtemp(join(tmpdir(), 'strata-bench-rootfs-'))
  const rootfs = join(work, 'rootfs')
  try {
    console.log(`debootstrap --variant=minbase stable ${rootfs} ${MIRROR} (a few minutes)…`)
    try {
      await run(debootstrap, ['--variant=minbase', 'stable', rootfs, MIRROR], { quiet: true })
    } catch (error) {
      throw new BenchFailure(
        `debootstrap failed, so there is no realistic layer to measure:\n${String(error)}`,
      )
    }
    // Numeric owners and sorted names: a tar like the ones image builders produce.
    const partial = `${target}.partial`
    await runShell(
      `tar --sort=name --numeric-owner -C ${shellQuote(rootfs)} -cf ${shellQuote(partial)} .`,
    )
    await rename(partial, target)
  } finally {
    await rm(work, { recursive: true, force: true })
  }
}

async function compressOnce(source: string, target: string, command: string): Promise<void> {
  if (existsSync(target)) return
  const partial = `${target}.partial`
  await runShell(`${command} < ${shellQuote(source)} > ${shellQuote(partial)}`)
  await rename(partial, target)
}

/** The cached rootfs layer in three encodings, made on the first run. */
export async function rootfsLayers(): Promise<RootfsLayers> {
  await run('mkdir', ['-p', BENCH_CACHE_DIR])
  const tar = join(BENCH_CACHE_DIR, 'rootfs.tar')
  const gzip = join(BENCH_CACHE_DIR, 'rootfs.tar.gz')
  const zstd = join(BENCH_CACHE_DIR, 'rootfs.tar.zst')
  if (!existsSync(tar)) await makeRootfsTar(tar)
  await ensurePackage('zstd', 'zstd')
  await compressOnce(tar, gzip, 'gzip -6 -n -c')
  await compressOnce(tar, zstd, 'zstd -3 -q -c')
  return { tar, gzip, zstd }
}

/** A tiny real layer (one small file) for the many-tags image. */
export async function tinyGzipLayer(): Promise<string> {
  const path = join(BENCH_CACHE_DIR, 'tiny.tar.gz')
  await runShell(
    `tar --numeric-owner --mtime=@0 -C /etc -cf - os-release | gzip -n -c > ${shellQuote(path)}`,
  )
  return path
}
