// Finding and running the real tools the integration tests lean on: skopeo, umoci, the CNCF
// distribution registry (Debian's `docker-registry`) and `htpasswd`. Test code only.

import { execFile } from 'node:child_process'
import { accessSync, constants } from 'node:fs'
import { delimiter, join } from 'node:path'

export type ToolName = 'skopeo' | 'umoci' | 'docker-registry' | 'htpasswd'

/** Where each tool usually lives when PATH does not say; Debian puts all four in /usr/bin. */
const FALLBACK_DIRS = ['/usr/bin', '/usr/local/bin', '/usr/sbin']

const found = new Map<ToolName, string>()

/** Absolute path of a tool, or an Error saying which package to install. */
export function toolPath(name: ToolName): string {
  const cached = found.get(name)
  if (cached !== undefined) return cached
  const envOverride = process.env[`STRATA_${name.toUpperCase().replace('-', '_')}`]
  const dirs = [...(process.env.PATH ?? '').split(delimiter).filter(Boolean), ...FALLBACK_DIRS]
  const candidates = envOverride ? [envOverride] : dirs.map((dir) => join(dir, name))
  for (const candidate of candidates) {
    try {
      accessSync(candidate, constants.X_OK)
      found.set(name, candidate)
      return candidate
    } catch {
      // not here; try the next directory
    }
  }
  throw new Error(
    `${name} not found on PATH (install the Debian package ${debianPackage(name)} ` +
      `or set STRATA_${name.toUpperCase().replace('-', '_')})`,
  )
}

export function hasTool(name: ToolName): boolean {
  try {
    toolPath(name)
    return true
  } catch {
    return false
  }
}

function debianPackage(name: ToolName): string {
  if (name === 'htpasswd') return 'apache2-utils'
  return name
}

export interface ToolResult {
  readonly stdout: string
  readonly stderr: string
}

/**
 * Runs a tool to completion. A non-zero exit becomes an Error carrying the command line and
 * the tool's stderr, so a failing test says what the tool complained about.
 */
export function runTool(
  name: ToolName,
  args: readonly string[],
  options: { readonly timeoutMs?: number; readonly cwd?: string } = {},
): Promise<ToolResult> {
  const file = toolPath(name)
  return new Promise((resolve, reject) => {
    execFile(
      file,
      [...args],
      {
        timeout: options.timeoutMs ?? 60_000,
        maxBuffer: 64 * 1024 * 1024,
        cwd: options.cwd,
        env: { ...process.env, LC_ALL: 'C' },
      },
      (error, stdout, stderr) => {
        if (error) {
          const line = [name, ...args].join(' ')
          reject(new Error(`${line} failed: ${error.message}\n${stderr}`.trim()))
          return
        }
        resolve({ stdout, stderr })
      },
    )
  })
}

/** `skopeo inspect --raw`-style helpers return JSON; parse it with a clear error. */
export async function runToolJson(
  name: ToolName,
  args: readonly string[],
  options?: { readonly timeoutMs?: number },
): Promise<unknown> {
  const { stdout } = await runTool(name, args, options)
  try {
    return JSON.parse(stdout) as unknown
  } catch {
    throw new Error(`${name} ${args.join(' ')} printed something that is not JSON:\n${stdout}`)
  }
}

/** One bcrypt htpasswd line ("user:$2y$..."), made by the real `htpasswd -Bbn`. */
export async function htpasswdLine(user: string, password: string): Promise<string> {
  const { stdout } = await runTool('htpasswd', ['-Bbn', user, password])
  return stdout.trim()
}
