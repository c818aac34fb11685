// In a source checkout, web mode builds the renderer when dist/ is missing or older than the
// sources, so `npm run serve` always serves what the code says. A packaged app ships it built.

import { readdir, stat } from 'node:fs/promises'
import path from 'node:path'
import { PROJECT_ROOT, RENDERER_DIST_DIR } from '../app/appPaths'

const SOURCE_DIRS = ['renderer', 'shared'].map((dir) => path.join(PROJECT_ROOT, dir))

export async function ensureRendererBuilt(log: (line: string) => void): Promise<void> {
  const builtAt = await stat(path.join(RENDERER_DIST_DIR, 'index.html')).then(
    (info) => info.mtimeMs,
    () => undefined,
  )
  const hasSources = await stat(SOURCE_DIRS[0] ?? '').then(
    () => true,
    () => false,
  )
  if (!hasSources) return
  const newestSource = Math.max(...(await Promise.all(SOURCE_DIRS.map(newestMtime))))
  if (builtAt !== undefined && builtAt >= newestSource) return
  log('Building the renderer (vite)…')
  const vite = await import('vite')
  await vite.build({
    configFile: path.join(PROJECT_ROOT, 'vite.config.ts'),
    logLevel: 'warn',
  })
}

async function newestMtime(dir: string): Promise<number> {
  let newest = 0
  const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => [])
  for (const entry of entries) {
    if (!entry.isFile()) continue
    const info = await stat(path.join(entry.parentPath, entry.name))
    newest = Math.max(newest, info.mtimeMs)
  }
  return newest
}
