// End to end in Debian's Chromium against web mode, with signatures and SBOMs written by the
// harness from their specs (node:crypto keys; Debian has no cosign or syft) and pushed to the
// real registry: the cosign `.sig` signature selected in the graph opens as "not verified",
// pasting its public key turns it "verified" (another key: "failed"); an SPDX file listing
// this machine's dpkg packages opens from the file viewer and its table search finds one;
// cosign's legacy `.att` tag opens in Spanish with every reason worded in Spanish.

import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { Page } from 'playwright-core'
import { openPageAt } from '../../harness/browser'
import { formatDateTime } from '../../../renderer/i18n/format'
import { useE2eSession } from '../../harness/e2eSession'
import { pushTestImage, type PushedTestImage } from '../../harness/imagePushing'
import { OciLayoutBuilder } from '../../harness/ociBuilder'
import { dpkgPackages, spdxDocument } from '../../harness/sboms'
import {
  IN_TOTO,
  buildCosignAttestationImage,
  buildCosignSignatureImage,
  dsseEnvelope,
  generateSigningKey,
  inTotoStatement,
  pushCosignAttestationTag,
  pushCosignSignatureTag,
  slsaProvenanceV02,
  type SigningKey,
} from '../../harness/signatures'
import { untranslatedTexts } from '../../harness/untranslatedText'

const REPO = 'e2e/signed'
const packages = dpkgPackages()

let image: PushedTestImage
let key: SigningKey
let signatureDigest: string
let attestationDigest: string
let ref: string

const session = useE2eSession({
  name: 'e2e-attestations',
  registry: {},
  prepare: async ({ registry }) => {
    image = await pushTestImage(registry.host, REPO, ['v1'], {
      layers: [
        [{ type: 'file', path: 'app', content: 'signed app\n' }],
        [
          { type: 'dir', path: 'usr/share/sbom' },
          { type: 'file', path: 'usr/share/sbom/app.spdx.json', content: spdxDocument(packages) },
        ],
      ],
    })
    ref = `${registry.host}/${REPO}:v1`
    key = generateSigningKey('ecdsa-p256')
    const builder = new OciLayoutBuilder('/nonexistent')
    const signature = buildCosignSignatureImage(builder, {
      subject: image.manifest,
      dockerReference: `${registry.host}/${REPO}`,
      key,
    })
    signatureDigest = signature.digest
    await pushCosignSignatureTag(registry.host, REPO, builder, signature, image.manifest)
    // The .att tag: one good envelope, one that has lost its signatures (shown raw).
    const statement = inTotoStatement(
      [{ name: `${registry.host}/${REPO}`, digest: image.digest }],
      'https://slsa.dev/provenance/v0.2',
      slsaProvenanceV02('docker.io/library/debian:stable', `sha256:${'7'.repeat(64)}`),
    )
    const unsigned = JSON.stringify({
      payloadType: IN_TOTO,
      payload: Buffer.from(JSON.stringify(statement)).toString('base64'),
      signatures: [],
    })
    const attestation = buildCosignAttestationImage(builder, [
      { predicateType: 'https://slsa.dev/provenance/v0.2', envelope: dsseEnvelope(statement, key) },
      { predicateType: 'https://slsa.dev/provenance/v0.2', envelope: unsigned },
    ])
    attestationDigest = attestation.digest
    await pushCosignAttestationTag(registry.host, REPO, builder, attestation, image.manifest)
  },
})

async function status(page: Page): Promise<string | null> {
  const line = page.getByTestId('verification-status').first()
  await line.waitFor({ timeout: 60_000 })
  return line.getAttribute('data-status')
}

async function verifyWith(page: Page, pem: string, expected: string): Promise<void> {
  await page.getByTestId('public-key-input').fill(pem)
  await page.getByTestId('verify-button').click()
  await page
    .locator(`[data-testid="verification-status"][data-status="${expected}"]`)
    .waitFor({ timeout: 60_000 })
}

test('a .sig signature written by the harness from the spec, from the graph: not verified, then verified with the pasted key', async () => {
  const params = new URLSearchParams({ ref, view: 'graph', node: signatureDigest })
  const { page, pageErrors } = await openPageAt(
    session().browser,
    `${session().web.url}&${params.toString()}`,
  )
  try {
    const open = page.getByTestId('open-attestation')
    await open.waitFor({ timeout: 60_000 })
    await open.click()
    await page.getByTestId('attestations-view').waitFor()
    assert.equal(await status(page), 'not-verified')
    const match = page.getByTestId('subject-match').first()
    assert.equal(await match.getAttribute('data-match'), 'matches')
    assert.match(
      (await page.getByTestId('attestations-view').textContent()) ?? '',
      new RegExp(image.digest),
    )

    await verifyWith(page, generateSigningKey('ecdsa-p256').publicKeyPem, 'failed')
    await verifyWith(page, key.publicKeyPem, 'verified')
    assert.deepEqual(pageErrors, [])
  } finally {
    await page.close()
  }
})

test('an SPDX file written by the harness from the spec (dpkg data) opens from the file viewer; its search finds a package', async () => {
  const params = new URLSearchParams({ ref, view: 'files', path: '/usr/share/sbom/app.spdx.json' })
  const { page, pageErrors } = await openPageAt(
    session().browser,
    `${session().web.url}&${params.toString()}`,
  )
  try {
    const open = page.getByTestId('open-as-attestation')
    await open.waitFor({ timeout: 60_000 })
    await open.click()
    const search = page.getByTestId('sbom-search')
    await search.waitFor({ timeout: 60_000 })
    assert.equal(await page.getByTestId('sbom-row').count(), Math.min(100, packages.length))
    const dpkg = packages.find((p) => p.name === 'dpkg')
    assert.ok(dpkg)
    await search.fill('pkg:deb/debian/dpkg@')
    await page
      .getByTestId('sbom-count')
      // The count is written as the page's language writes numbers (English here: 1,234).
      .filter({ hasText: new RegExp(`^1 of ${packages.length.toLocaleString('en')}$`) })
      .waitFor({ timeout: 30_000 })
    assert.equal(await page.getByTestId('sbom-row').count(), 1)
    const row = (await page.getByTestId('sbom-row').textContent()) ?? ''
    assert.ok(row.includes('dpkg') && row.includes(dpkg.version), row)
    assert.deepEqual(pageErrors, [])
  } finally {
    await page.close()
  }
})

test("cosign's .att tag written by the harness from the format, in Spanish: not verified and the raw reason worded in Spanish", async () => {
  const params = new URLSearchParams({
    ref,
    view: 'attestations',
    node: attestationDigest,
    lang: 'es',
  })
  const { page, pageErrors } = await openPageAt(
    session().browser,
    `${session().web.url}&${params.toString()}`,
  )
  try {
    assert.equal(await status(page), 'not-verified')
    const items = page.getByTestId('attestation-item')
    assert.equal(await items.count(), 2)
    assert.equal(await items.nth(0).getAttribute('data-kind'), 'in-toto')
    assert.equal(await items.nth(1).getAttribute('data-kind'), 'raw')
    assert.match((await items.first().textContent()) ?? '', /declaración in-toto.*layers\[0\]/)
    assert.match(
      (await page.getByTestId('verification-status').first().textContent()) ?? '',
      /^Sin verificar\s+No se ha dado ninguna clave pública: .* el sobre\.$/,
    )
    // Dates are written as Spanish writes them (the provenance's start).
    const started = formatDateTime('2026-01-02T03:04:05Z', 'es')
    assert.match(started, /ene/)
    assert.ok(((await page.getByTestId('provenance').textContent()) ?? '').includes(started))
    const raw = page.getByTestId('raw-reason')
    assert.equal(await raw.getAttribute('data-reason'), 'dsseNoSignatures')
    assert.equal(await raw.textContent(), 'El sobre DSSE no tiene firmas.')
    assert.deepEqual(await untranslatedTexts(page), [])
    assert.deepEqual(pageErrors, [])
  } finally {
    await page.close()
  }
})
