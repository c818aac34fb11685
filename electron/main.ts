// Electron entry: one window with a locked-down renderer, wired to the same handler table as
// web mode. Everything with domain logic lives outside this file and never imports electron.

import { app, BrowserWindow, session, shell } from 'electron'
import path from 'node:path'
import { createDownloadProvider } from './files/downloads'
import { createHandlers } from './api/handlers'
import { composeServices } from './app/composeServices'
import { guardDownloads, guardHandlerTable, installLastResortGuard } from './app/lastResortGuard'
import { broadcastEvent, desktopOperations, serveHandlersOverIpc } from './shell/ipcBridge'
import {
  registerRendererScheme,
  isRendererUrl,
  RENDERER_START_URL,
  serveRendererFiles,
} from './shell/rendererProtocol'
import { nativeDialogs } from './shell/nativeDialogs'
import { SafeStorageSecretStore } from './shell/safeStorageSecrets'

// Nothing a registry or a layer sends may end the app (lastResortGuard.ts).
installLastResortGuard()
registerRendererScheme()

function createWindow(): void {
  const window = new BrowserWindow({
    width: 1400,
    height: 900,
    title: 'Strata',
    backgroundColor: '#111418',
    webPreferences: {
      preload: path.join(import.meta.dirname, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      spellcheck: false,
    },
  })
  const contents = window.webContents
  contents.setWindowOpenHandler(({ url }) => {
    // Links to the web (spec pages, registries) open in the user's browser, never in-app.
    if (url.startsWith('https://')) void shell.openExternal(url)
    return { action: 'deny' }
  })
  contents.on('will-navigate', (event, url) => {
    if (!isRendererUrl(url)) event.preventDefault()
  })
  void window.loadURL(RENDERER_START_URL)
}

async function start(): Promise<void> {
  await app.whenReady()
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) =>
    callback(false),
  )
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault())
  })
  const services = await composeServices({
    mode: 'electron',
    dataDir: app.getPath('userData'),
    secretStore: new SafeStorageSecretStore(path.join(app.getPath('userData'), 'secrets.bin')),
    dialogs: nativeDialogs,
    keepIndexThreadReady: true,
  })
  serveRendererFiles({
    provider: guardDownloads(createDownloadProvider(services)),
    operations: desktopOperations,
    emit: broadcastEvent,
  })
  serveHandlersOverIpc(guardHandlerTable(createHandlers(services)))
  createWindow()
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow()
  })
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  // Let the tag journal flush and the watcher stop before the process ends.
  let closing = false
  app.on('will-quit', (event) => {
    if (closing) return
    closing = true
    event.preventDefault()
    void services.close().finally(() => app.quit())
  })
}

start().catch((error: unknown) => {
  console.error('Strata failed to start:', error)
  app.exit(1)
})
