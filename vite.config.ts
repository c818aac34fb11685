// Builds the renderer (React) into dist/renderer. The same files are loaded by the Electron
// window and served by electron/serve.ts in web mode, so the output must pass a strict CSP:
// no inline scripts, all CSS in files, relative asset paths.
import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

const rendererRoot = fileURLToPath(new URL('./renderer', import.meta.url))
const outDir = fileURLToPath(new URL('./dist/renderer', import.meta.url))

export default defineConfig({
  root: rendererRoot,
  base: './',
  plugins: [react()],
  build: {
    outDir,
    emptyOutDir: true,
    // Keep every asset a file: data: URLs for scripts or CSS would need CSP exceptions.
    assetsInlineLimit: 0,
    // The modulepreload polyfill is injected into the entry chunk, never inline in the html.
    modulePreload: { polyfill: false },
    sourcemap: true,
    target: 'es2022',
  },
  server: { host: '127.0.0.1', strictPort: false },
})
