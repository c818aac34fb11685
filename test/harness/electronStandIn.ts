// A stand-in for the `electron` module, for testing the desktop shell's wiring where the
// Electron binary cannot run (it cannot be downloaded on our machines). It records what the
// shell asks of Electron so tests can check the security settings and the ipc gate.

import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

type Listener = (...args: unknown[]) => unknown

export interface ShellRecord {
  windows: { options: Record<string, unknown>; loadedUrl?: string; contents: StandInContents }[]
  ipcHandlers: Map<string, Listener>
  /** ipcMain.on listeners (cancels), by channel. */
  ipcListeners: Map<string, Listener>
  protocolHandlers: Map<string, (request: Request) => Promise<Response>>
  privilegedSchemes: unknown[]
  permissionHandler?: Listener
  appListeners: Map<string, Listener[]>
  userData: string
  /** What the preload exposed to the page, by global name. */
  exposed: Map<string, unknown>
  /** Channels and payloads the preload invoked, and what it sent (cancels). */
  invoked: { channel: string; payload: unknown }[]
  sent: { channel: string; payload: unknown }[]
  /** What the main side answered each invoke the preload made, in order. */
  answers: Promise<unknown>[]
}

// main.js and preload.cjs each bundle this file; both must record into one place.
const shared = globalThis as { strataShellRecord?: ShellRecord }
const record: ShellRecord = (shared.strataShellRecord ??= {
  windows: [],
  ipcHandlers: new Map(),
  ipcListeners: new Map(),
  protocolHandlers: new Map(),
  privilegedSchemes: [],
  appListeners: new Map(),
  userData: mkdtempSync(path.join(tmpdir(), 'strata-shell-')),
  exposed: new Map(),
  invoked: [],
  sent: [],
  answers: [],
})

class StandInContents {
  readonly listeners = new Map<string, Listener[]>()
  windowOpenHandler?: Listener
  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener])
    return this
  }
  once(event: string, listener: Listener): this {
    return this.on(event, listener)
  }
  setWindowOpenHandler(handler: Listener): void {
    this.windowOpenHandler = handler
  }
  send(): void {}
}

export class BrowserWindow {
  readonly webContents = new StandInContents()
  private readonly entry: ShellRecord['windows'][number]
  constructor(options: Record<string, unknown>) {
    this.entry = { options, contents: this.webContents }
    record.windows.push(this.entry)
  }
  loadURL(url: string): Promise<void> {
    this.entry.loadedUrl = url
    return Promise.resolve()
  }
  static getAllWindows(): BrowserWindow[] {
    return []
  }
  static getFocusedWindow(): BrowserWindow | null {
    return null
  }
}

export const app = {
  whenReady: (): Promise<void> => Promise.resolve(),
  getPath: (): string => record.userData,
  on: (event: string, listener: Listener): void => {
    record.appListeners.set(event, [...(record.appListeners.get(event) ?? []), listener])
  },
  quit: (): void => {},
  exit: (): void => {},
}

export const ipcMain = {
  handle: (channel: string, listener: Listener): void => {
    record.ipcHandlers.set(channel, listener)
  },
  on: (channel: string, listener: Listener): void => {
    record.ipcListeners.set(channel, listener)
  },
}

export const protocol = {
  registerSchemesAsPrivileged: (schemes: unknown[]): void => {
    record.privilegedSchemes.push(...schemes)
  },
  handle: (scheme: string, handler: (request: Request) => Promise<Response>): void => {
    record.protocolHandlers.set(scheme, handler)
  },
}

export const net = { fetch: (url: string): Promise<Response> => fetchFile(url) }

export const session = {
  defaultSession: {
    setPermissionRequestHandler: (handler: Listener): void => {
      record.permissionHandler = handler
    },
  },
}

export const shell = { openExternal: (): Promise<void> => Promise.resolve() }

export const safeStorage = {
  isEncryptionAvailable: (): boolean => false,
  encryptString: (text: string): Buffer => Buffer.from(text),
  decryptString: (data: Buffer): string => data.toString(),
}

export const contextBridge = {
  exposeInMainWorld: (name: string, api: unknown): void => {
    record.exposed.set(name, api)
  },
}

export const webUtils = { getPathForFile: (): string => '/dropped/file.tar' }

export const dialog = {
  showOpenDialog: (): Promise<{ canceled: boolean; filePaths: string[] }> =>
    Promise.resolve({ canceled: false, filePaths: ['/chosen/layout'] }),
}

// The page the preload runs in, as the main side sees it: our origin, one WebContents.
const page = { senderFrame: { url: 'strata://app/index.html' }, sender: new StandInContents() }

// The preload's ipc reaches the main side's handlers and listeners, as Electron's would.
export const ipcRenderer = {
  invoke: (channel: string, payload: unknown): Promise<unknown> => {
    record.invoked.push({ channel, payload })
    const handler = record.ipcHandlers.get(channel)
    const answer = handler
      ? Promise.resolve(handler(page, payload))
      : Promise.resolve({ ok: true, value: null })
    record.answers.push(answer)
    return answer
  },
  send: (channel: string, payload: unknown): void => {
    record.sent.push({ channel, payload })
    record.ipcListeners.get(channel)?.(page, payload)
  },
  on: (): void => {},
  removeListener: (): void => {},
}

async function fetchFile(url: string): Promise<Response> {
  const { readFile } = await import('node:fs/promises')
  const { fileURLToPath } = await import('node:url')
  return new Response(await readFile(fileURLToPath(url)))
}
