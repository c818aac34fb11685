// The 1 GiB layer for the memory figure: the Debian rootfs written several times over under
// renamed top directories (copy-1/, copy-2/, …) until the tar passes 1 GiB uncompressed,
// gzip -6, cached next to the rootfs. Real file contents, real names, real entry counts.

import { existsSync } from 'node:fs'
import { mkdtemp, rename, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { BENCH_CACHE_DIR } from './rootfsLayer'
import { runShell, shellQuote } from './shell'

const ONE_GIB = 1024 * 1024 * 1024

export async function bigGzipLayer(rootfsTar: string): Promise<string> {
  const target = join(BENCH_CACHE_DIR, 'big-1gib.tar.gz')
  if (existsSync(target)) return target
  const copies = Math.ceil(ONE_GIB / (await stat(rootfsTar)).size)
  console.log(`making a ${copies}× rootfs layer (≥ 1 GiB uncompressed) for the memory figure…`)
  const work = await mkdtemp(join(tmpdir(), 'strata-bench-big-'))
  const tree = join(work, 'rootfs')
  const bigTar = join(work, 'big.tar')
  try {
    await runShell(
      `mkdir ${shellQuote(tree)} && ` +
        `tar --numeric-owner -xpf ${shellQuote(rootfsTar)} -C ${shellQuote(tree)}`,
    )
    for (let copy = 1; copy <= copies; copy++) {
      // --transform renames ./x to copy-N/x (link targets of hardlinks follow; symlinks keep
      // their text, as a real layer would).
      const mode = copy === 1 ? '-cf' : '-rf'
      await runShell(
        `tar --sort=name --numeric-owner --transform ${shellQuote(`s,^\\.,copy-${copy},`)} ` +
          `-C ${shellQuote(tree)} ${mode} ${shellQuote(bigTar)} .`,
      )
    }
    const partial = `${target}.partial`
    await runShell(`gzip -6 -n -c < ${shellQuote(bigTar)} > ${shellQuote(partial)}`)
    await rename(partial, target)
    return target
  } finally {
    await rm(work, { recursive: true, force: true })
  }
}
