// Where Strata's files live: the project root (source checkout or packaged app), the built
// renderer, the bundled sample, and the per-user data directory.

import { homedir } from 'node:os'
import path from 'node:path'

/** electron/app/ in a checkout, dist/electron/ when bundled: both sit two levels below the root. */
export const PROJECT_ROOT = path.resolve(import.meta.dirname, '..', '..')

export const RENDERER_DIST_DIR = path.join(PROJECT_ROOT, 'dist', 'renderer')

export const SAMPLE_LAYOUT_DIR = path.join(PROJECT_ROOT, 'assets', 'sample')

/**
 * The lesson samples (shared/samples.ts names them; test/harness/samples/ builds them).
 * $STRATA_SAMPLES_DIR points elsewhere (tests of a missing or damaged sample).
 */
export const SAMPLES_ROOT = process.env.STRATA_SAMPLES_DIR
  ? path.resolve(process.env.STRATA_SAMPLES_DIR)
  : path.join(unpackedPath(PROJECT_ROOT), 'assets', 'samples')

/**
 * Packaged, the project root is resources/app.asar; files listed in electron-builder.yml's
 * asarUnpack (the samples, read by path and by the skopeo/podman commands shown) are real files
 * under app.asar.unpacked beside it.
 */
export function unpackedPath(root: string): string {
  return path.basename(root) === 'app.asar' ? `${root}.unpacked` : root
}

/** The reference name the sample layout's index.json gives its multi-platform image. */
export const SAMPLE_REFERENCE = 'demo'

/** $STRATA_DATA_DIR, else $XDG_DATA_HOME/strata, else ~/.local/share/strata. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.STRATA_DATA_DIR) return path.resolve(env.STRATA_DATA_DIR)
  const base = env.XDG_DATA_HOME ? env.XDG_DATA_HOME : path.join(homedir(), '.local', 'share')
  return path.join(base, 'strata')
}
