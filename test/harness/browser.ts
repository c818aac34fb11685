// Debian's Chromium driven by playwright-core (never a downloaded browser).

import { chromium, type Browser, type Page } from 'playwright-core'

export const CHROMIUM_PATH = '/usr/bin/chromium'

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  })
}

export interface OpenedPage {
  readonly page: Page
  /** Uncaught errors the page threw: every test asserts there were none. */
  readonly pageErrors: string[]
}

/** A new tab at `url`, collecting the page's uncaught errors. */
export async function openPageAt(
  browser: Browser,
  url: string,
  viewport: { readonly width: number; readonly height: number } = { width: 1400, height: 900 },
): Promise<OpenedPage> {
  const page = await browser.newPage({ viewport })
  const pageErrors: string[] = []
  page.on('pageerror', (error) => pageErrors.push(error.message))
  await page.goto(url)
  return { page, pageErrors }
}
