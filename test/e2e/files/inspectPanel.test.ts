// End to end in Debian's Chromium against web mode: the file viewer's inspect panel on an image
// pushed to the real registry holding this machine's /usr/bin/env (an ELF), a certificate with
// its private key, and plain text. The panel shows what files:inspect found (needed libraries,
// build ID; the certificate's fingerprint and a private-key flag without the key) and stays away
// for plain text. With ?lang=es a certificate file that does not decode says why in Spanish.

import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { test } from 'node:test'
import { summarizeElf } from '../../../electron/files/inspect/elfSummary'
import { openPageAt, type OpenedPage } from '../../harness/browser'
import { useE2eSession } from '../../harness/e2eSession'
import { pushTestImage } from '../../harness/imagePushing'

let ref: string
/** A certificate block whose base64 is not a certificate. */
const BROKEN_PEM =
  '-----BEGIN CERTIFICATE-----\nTUlJQmFkQ2VydGlmaWNhdGU=\n-----END CERTIFICATE-----\n'
let elfBytes: Buffer
let keyText: string
let fingerprint: string

const session = useE2eSession({
  name: 'e2e-inspect',
  registry: {},
  prepare: async ({ workDir, registry }) => {
    elfBytes = await readFile('/usr/bin/env')
    const keyPath = path.join(workDir, 'key.pem')
    execFileSync('openssl', [
      'genpkey',
      '-algorithm',
      'EC',
      '-pkeyopt',
      'ec_paramgen_curve:P-256',
      '-out',
      keyPath,
    ])
    const cert = execFileSync('openssl', [
      'req',
      '-x509',
      '-new',
      '-key',
      keyPath,
      '-days',
      '3',
      '-subj',
      '/CN=panel.test',
    ])
    fingerprint =
      /=(.*)$/m.exec(
        execFileSync('openssl', ['x509', '-noout', '-fingerprint', '-sha256'], {
          input: cert,
        }).toString(),
      )?.[1] ?? ''
    keyText = await readFile(keyPath, 'utf8')
    await pushTestImage(registry.host, 'inspect/panel', ['v1'], {
      layers: [
        [
          { type: 'dir', path: 'usr/bin' },
          { type: 'file', path: 'usr/bin/env', content: elfBytes, mode: 0o755 },
          { type: 'dir', path: 'etc' },
          { type: 'file', path: 'etc/server.pem', content: `${cert.toString()}${keyText}` },
          { type: 'file', path: 'etc/motd', content: 'hello\n' },
          { type: 'file', path: 'etc/broken.pem', content: BROKEN_PEM },
        ],
      ],
    })
    ref = `${registry.host}/inspect/panel:v1`
  },
})

function openFile(filePath: string, lang = 'en'): Promise<OpenedPage> {
  const params = new URLSearchParams({ lang, ref, view: 'files', path: filePath })
  return openPageAt(session().browser, `${session().web.url}&${params.toString()}`, {
    width: 1400,
    height: 950,
  })
}

test('an ELF file: the panel shows its needed libraries and build ID', async () => {
  const local = await summarizeElf(
    (offset, length) => Promise.resolve(elfBytes.subarray(offset, offset + length)),
    elfBytes.length,
  )
  const { page, pageErrors } = await openFile('/usr/bin/env')
  try {
    const panel = page.getByTestId('inspect-panel')
    await panel.waitFor({ timeout: 60_000 })
    assert.equal(await page.getByTestId('inspect-needed').textContent(), local.needed.join(' · '))
    assert.equal(await page.getByTestId('inspect-build-id').textContent(), local.buildId)
    assert.match((await panel.textContent()) ?? '', /x86-64|AArch64/)
    assert.deepEqual(pageErrors, [])
  } finally {
    await page.close()
  }
})

test('a certificate with its key: fingerprint shown, the key flagged and not shown', async () => {
  const { page, pageErrors } = await openFile('/etc/server.pem')
  try {
    await page.getByTestId('inspect-panel').waitFor({ timeout: 60_000 })
    assert.equal(await page.getByTestId('inspect-fingerprint').textContent(), fingerprint)
    assert.match(
      (await page.getByTestId('inspect-private-key').textContent()) ?? '',
      /private key, not shown/,
    )
    const keyLine = keyText.split('\n')[1] ?? ''
    const panelText = (await page.getByTestId('inspect-panel').textContent()) ?? ''
    assert.ok(!panelText.includes(keyLine.slice(0, 16)))
    assert.deepEqual(pageErrors, [])
  } finally {
    await page.close()
  }
})

test('plain text gets no panel', async () => {
  const { page, pageErrors } = await openFile('/etc/motd')
  try {
    await page.getByTestId('file-text').waitFor({ timeout: 60_000 })
    assert.equal(await page.getByTestId('inspect-panel').count(), 0)
    assert.deepEqual(pageErrors, [])
  } finally {
    await page.close()
  }
})

test('in Spanish: a certificate file that does not decode says why, and the ELF byte order is worded', async () => {
  const { page, pageErrors } = await openFile('/etc/broken.pem', 'es')
  try {
    const panel = page.getByTestId('inspect-panel')
    await panel.waitFor({ timeout: 60_000 })
    assert.equal(
      (await panel.locator('summary').textContent())?.trim(),
      'Certificados que no se pueden decodificar',
    )
    const reason = ((await page.getByTestId('inspect-malformed').textContent()) ?? '').trim()
    assert.match(reason, /^el bloque 1 \(CERTIFICATE\) no se puede decodificar/)
    assert.ok(!reason.includes('TUlJ'), 'the block is never quoted')
    await page.goto(
      `${session().web.url}&${new URLSearchParams({ lang: 'es', ref, view: 'files', path: '/usr/bin/env' }).toString()}`,
    )
    await page.getByTestId('inspect-elf').waitFor({ timeout: 60_000 })
    assert.match(
      (await page.getByTestId('inspect-elf').textContent()) ?? '',
      /little-endian \(primero el byte menos significativo\)/,
    )
    assert.deepEqual(pageErrors, [])
  } finally {
    await page.close()
  }
})
