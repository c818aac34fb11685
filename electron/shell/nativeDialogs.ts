// The desktop app's file dialog for opening an image archive or layout directory.

import { BrowserWindow, dialog } from 'electron'
import type { DesktopDialogs } from '../api/services'

export const nativeDialogs: DesktopDialogs = {
  async choosePath(kind) {
    const options: Electron.OpenDialogOptions = {
      title: kind === 'file' ? 'Open an image archive' : 'Open an image layout directory',
      properties: [kind === 'file' ? 'openFile' : 'openDirectory'],
      ...(kind === 'file'
        ? {
            filters: [
              { name: 'Image archives', extensions: ['tar'] },
              { name: 'All files', extensions: ['*'] },
            ],
          }
        : {}),
    }
    const window = BrowserWindow.getFocusedWindow()
    const result = window
      ? await dialog.showOpenDialog(window, options)
      : await dialog.showOpenDialog(options)
    return result.canceled ? undefined : result.filePaths[0]
  },
}
