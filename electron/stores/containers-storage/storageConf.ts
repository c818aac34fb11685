// Where podman / buildah keep images: containers-storage's storage.conf, read the way
// c/storage reads it. Only the [storage] table's driver, graphroot, runroot and
// rootless_storage_path matter here, so this is a tiny reader for that much TOML, not a TOML
// library: quoted strings, comments, tables, and multi-line arrays skipped.

import { homedir, userInfo } from 'node:os'
import { join } from 'node:path'
import { readUserFile } from '../../util/safeFile'

export interface StorageConfValues {
  readonly driver?: string
  readonly graphroot?: string
  readonly runroot?: string
  readonly rootlessStoragePath?: string
}

export interface StorageSettings {
  readonly graphRoot: string
  readonly runRoot: string
  /** Empty when neither the reference, the environment nor a config names one. */
  readonly driver: string
  /** The storage.conf the settings came from, if any. */
  readonly configFiles: readonly string[]
  readonly rootless: boolean
}

export const ROOTFUL_GRAPH_ROOT = '/var/lib/containers/storage'
const ROOTFUL_RUN_ROOT = '/run/containers/storage'
const SYSTEM_CONFS = ['/etc/containers/storage.conf', '/usr/share/containers/storage.conf']

/** Reads the [storage] keys Strata needs from storage.conf text. */
export function parseStorageConf(text: string): StorageConfValues {
  const values: Record<string, string> = {}
  let table = ''
  let arrayDepth = 0
  for (const rawLine of text.split(/\r?\n/)) {
    const line = stripComment(rawLine).trim()
    if (arrayDepth > 0) {
      arrayDepth += bracketBalance(line)
      continue
    }
    if (line === '') continue
    const header = /^\[\s*([A-Za-z0-9_.-]+)\s*\]$/.exec(line)
    if (header?.[1] !== undefined) {
      table = header[1]
      continue
    }
    const pair = /^([A-Za-z0-9_-]+|"[^"]*")\s*=\s*(.*)$/.exec(line)
    if (pair?.[1] === undefined || pair[2] === undefined) continue
    const value = pair[2]
    if (value.startsWith('[')) {
      arrayDepth = bracketBalance(value)
      continue
    }
    const key = pair[1].replace(/^"|"$/g, '')
    const text = stringValue(value)
    if (table === 'storage' && text !== undefined) values[key] = text
  }
  return {
    ...(values.driver !== undefined ? { driver: values.driver } : {}),
    ...(values.graphroot !== undefined ? { graphroot: values.graphroot } : {}),
    ...(values.runroot !== undefined ? { runroot: values.runroot } : {}),
    ...(values.rootless_storage_path !== undefined
      ? { rootlessStoragePath: values.rootless_storage_path }
      : {}),
  }
}

/** A '#' starts a comment unless it is inside a quoted string. */
function stripComment(line: string): string {
  let quote: string | undefined
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]
    if (quote !== undefined) {
      if (ch === '\\' && quote === '"') i++
      else if (ch === quote) quote = undefined
    } else if (ch === '"' || ch === "'") quote = ch
    else if (ch === '#') return line.slice(0, i)
  }
  return line
}

function bracketBalance(text: string): number {
  let depth = 0
  for (const ch of text.replace(/"(?:[^"\\]|\\.)*"|'[^']*'/g, '')) {
    if (ch === '[') depth++
    else if (ch === ']') depth--
  }
  return depth
}

/** A TOML basic ("...") or literal ('...') string; anything else is not a string. */
function stringValue(value: string): string | undefined {
  const literal = /^'([^']*)'$/.exec(value)
  if (literal?.[1] !== undefined) return literal[1]
  const basic = /^"((?:[^"\\]|\\.)*)"$/.exec(value)
  if (basic?.[1] === undefined) return undefined
  return basic[1].replace(/\\(u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)/g, (_match, esc: string) => {
    switch (esc[0]) {
      case 'n':
        return '\n'
      case 't':
        return '\t'
      case 'r':
        return '\r'
      case 'u':
      case 'U':
        return String.fromCodePoint(parseInt(esc.slice(1), 16))
      default:
        return esc
    }
  })
}

/** storage.conf is a few KiB; anything past this cap is not one. */
const MAX_STORAGE_CONF_BYTES = 1024 * 1024

async function readConf(path: string): Promise<StorageConfValues | undefined> {
  try {
    // The user's own config may be a symbolic link, but only a regular file is read (a FIFO
    // or a device is refused at once), and never past the cap.
    const bytes = await readUserFile(path, 'a containers storage.conf', {
      maxBytes: MAX_STORAGE_CONF_BYTES,
      what: 'a storage.conf',
    })
    return parseStorageConf(new TextDecoder().decode(bytes))
  } catch {
    return undefined // a missing or unreadable config is the same as none: defaults apply
  }
}

export interface StorageEnvironment {
  readonly env: NodeJS.ProcessEnv
  readonly uid: number
}

export function currentEnvironment(env: NodeJS.ProcessEnv = process.env): StorageEnvironment {
  return { env, uid: process.getuid?.() ?? 0 }
}

function homeOf(env: NodeJS.ProcessEnv): string {
  return env.HOME ?? homedir()
}

/** rootless_storage_path may use $HOME, $UID and $USER. */
function expand(path: string, environment: StorageEnvironment): string {
  const user = environment.env.USER ?? userInfo().username
  return path
    .replace(/\$HOME\b/g, homeOf(environment.env))
    .replace(/\$UID\b/g, String(environment.uid))
    .replace(/\$USER\b/g, user)
}

/**
 * The storage podman would use for this user: $CONTAINERS_STORAGE_CONF if set, else the
 * system config, then (rootless) the user's own config over it, then built-in defaults.
 */
export async function defaultStorageSettings(
  environment: StorageEnvironment,
): Promise<StorageSettings> {
  const { env, uid } = environment
  const rootless = uid !== 0
  const files: string[] = []
  let merged: StorageConfValues = {}
  /** A graphroot the rootless user chose (their own config, or CONTAINERS_STORAGE_CONF). */
  let chosenGraphRoot: string | undefined
  const apply = async (path: string): Promise<boolean> => {
    const values = await readConf(path)
    if (values === undefined) return false
    files.push(path)
    merged = { ...merged, ...values }
    return true
  }
  if (env.CONTAINERS_STORAGE_CONF) {
    await apply(env.CONTAINERS_STORAGE_CONF)
    chosenGraphRoot = merged.graphroot
  } else {
    for (const path of SYSTEM_CONFS) if (await apply(path)) break
    if (rootless) {
      const configHome = env.XDG_CONFIG_HOME ?? join(homeOf(env), '.config')
      const user = await readConf(join(configHome, 'containers', 'storage.conf'))
      if (user !== undefined) {
        files.push(join(configHome, 'containers', 'storage.conf'))
        merged = { ...merged, ...user }
        chosenGraphRoot = user.graphroot
      }
    }
  }
  const driver = env.STORAGE_DRIVER ?? merged.driver ?? ''
  if (!rootless) {
    return {
      graphRoot: merged.graphroot ?? ROOTFUL_GRAPH_ROOT,
      runRoot: merged.runroot ?? ROOTFUL_RUN_ROOT,
      driver,
      configFiles: files,
      rootless,
    }
  }
  return {
    // The system config's graphroot is root's store; a rootless user never uses it.
    graphRoot: chosenGraphRoot ?? rootlessGraphRoot(merged, environment),
    runRoot: merged.runroot ?? rootlessRunRoot(environment),
    driver,
    configFiles: files,
    rootless,
  }
}

function rootlessGraphRoot(values: StorageConfValues, environment: StorageEnvironment): string {
  if (values.rootlessStoragePath) return expand(values.rootlessStoragePath, environment)
  const dataHome = environment.env.XDG_DATA_HOME ?? join(homeOf(environment.env), '.local', 'share')
  return join(dataHome, 'containers', 'storage')
}

function rootlessRunRoot(environment: StorageEnvironment): string {
  const runtime = environment.env.XDG_RUNTIME_DIR ?? `/run/user/${environment.uid}`
  return join(runtime, 'containers')
}
