// Signatures, attestations and SBOMs in a real registry (distribution 2.8), written by the
// harness from the specs (node:crypto keys; Debian has no cosign): cosign's `.sig` tag found
// beside the fallback-tag referrers and decoded, matched and verified with the pasted key;
// cosign's legacy `.att` tag (DSSE envelope layers) listed the same way and decoded as
// attestations, not verified until the key is given; a DSSE in-toto referrer, a cosign 3 Sigstore bundle referrer and an SPDX referrer decoded; a
// buildx-style attestation manifest matched against the image its index entry names and hung
// under that image in the graph; an SBOM file inside a layer decoded, one over the cap refused.

import assert from 'node:assert/strict'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { createHandlers } from '../../../electron/api/handlers'
import { MAX_DECODE_BYTES } from '../../../electron/attestations/limits'
import type { HandlerTable } from '../../../electron/api/handlerTable'
import type { Services } from '../../../electron/api/services'
import { composeServices } from '../../../electron/app/composeServices'
import { artifactKind } from '../../../renderer/features/image/artifactKind'
import { callHandler, callHandlerError } from '../../harness/handlerCalls'
import { pushReferrersWithFallbackTag, pushTestImage } from '../../harness/imagePushing'
import type { PushedTestImage } from '../../harness/imagePushing'
import { OCI, OciLayoutBuilder } from '../../harness/ociBuilder'
import { RegistryPusher } from '../../harness/ociPusher'
import { startRegistry } from '../../harness/registryServer'
import type { RunningRegistry } from '../../harness/registryServer'
import { dpkgPackages, spdxDocument } from '../../harness/sboms'
import {
  DSSE,
  buildAttestationManifest,
  buildCosignAttestationImage,
  buildCosignSignatureImage,
  dsseEnvelope,
  generateSigningKey,
  inTotoStatement,
  pushCosignAttestationTag,
  pushCosignSignatureTag,
  sigstoreBundle,
  simpleSigningPayload,
  slsaProvenanceV02,
  type SigningKey,
} from '../../harness/signatures'

const REPO = 'demo/signed'
const BUNDLE = 'application/vnd.dev.sigstore.bundle.v0.3+json'
const packages = dpkgPackages(200)

describe('attestations in a real registry (written by the harness from the specs)', () => {
  let registry: RunningRegistry
  let dataDir: string
  let services: Services
  let table: HandlerTable
  let image: PushedTestImage
  let key: SigningKey
  let sigTag: string
  let signatureDigest: string
  let attTag: string
  let attestationDigest: string
  let foreignDigest: string
  let envelopeDigest: string
  let bundleDigest: string
  let ref: string

  before(async () => {
    registry = await startRegistry()
    dataDir = await mkdtemp(join(tmpdir(), 'strata-attestations-'))
    services = await composeServices({ mode: 'web', dataDir, env: {}, onWarning: () => undefined })
    table = createHandlers(services)
    image = await pushTestImage(registry.host, REPO, ['v1'], {
      layers: [
        [{ type: 'file', path: 'app', content: 'signed app\n' }],
        [{ type: 'file', path: 'usr/share/sbom/app.spdx.json', content: spdxDocument(packages) }],
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
    sigTag = await pushCosignSignatureTag(registry.host, REPO, builder, signature, image.manifest)
    // cosign attest (before v3): the envelopes under the `.att` tag, one layer each.
    const subjects = [{ name: `${registry.host}/${REPO}`, digest: image.digest }]
    const attestation = buildCosignAttestationImage(builder, [
      {
        predicateType: 'https://slsa.dev/provenance/v0.2',
        envelope: dsseEnvelope(
          inTotoStatement(
            subjects,
            'https://slsa.dev/provenance/v0.2',
            slsaProvenanceV02('docker.io/library/debian:stable', `sha256:${'6'.repeat(64)}`),
          ),
          key,
        ),
      },
      {
        predicateType: 'https://spdx.dev/Document',
        envelope: dsseEnvelope(
          inTotoStatement(
            subjects,
            'https://spdx.dev/Document',
            JSON.parse(spdxDocument(packages.slice(0, 5))),
          ),
          key,
        ),
      },
    ])
    attestationDigest = attestation.digest
    attTag = await pushCosignAttestationTag(
      registry.host,
      REPO,
      builder,
      attestation,
      image.manifest,
    )
    // A signature pushed by digest whose payload names another image.
    const foreign = buildCosignSignatureImage(builder, {
      subject: image.manifest,
      dockerReference: `${registry.host}/${REPO}`,
      key,
      payload: simpleSigningPayload(`sha256:${'9'.repeat(64)}`, 'elsewhere/app'),
    })
    foreignDigest = foreign.digest
    await new RegistryPusher({ host: registry.host }).pushTree(
      REPO,
      foreign.digest,
      OCI.manifest,
      (d) => builder.getBlob(d),
    )
    const statement = inTotoStatement(
      [{ name: `${registry.host}/${REPO}`, digest: image.digest }],
      'https://slsa.dev/provenance/v0.2',
      slsaProvenanceV02('docker.io/library/debian:stable', `sha256:${'7'.repeat(64)}`),
    )
    const pushed = await pushReferrersWithFallbackTag(registry.host, REPO, image.manifest, [
      { artifactType: DSSE, payload: dsseEnvelope(statement, key) },
      { artifactType: 'application/spdx+json', payload: spdxDocument(packages.slice(0, 10)) },
      {
        artifactType: BUNDLE,
        payload: sigstoreBundle(
          dsseEnvelope(
            inTotoStatement(
              [{ name: `${registry.host}/${REPO}`, digest: image.digest }],
              'https://sigstore.dev/cosign/sign/v1',
              {},
            ),
            key,
          ),
          { publicKeyHint: 'harness-key', logIndex: 7, integratedTime: 1767225600, logIdHex: 'ab' },
        ),
      },
    ])
    envelopeDigest = pushed.artifacts[0]?.digest ?? ''
    bundleDigest = pushed.artifacts[2]?.digest ?? ''
  })
  after(async () => {
    await services?.close()
    await registry?.stop()
    await rm(dataDir, { recursive: true, force: true })
  })

  it('lists the .sig tag beside the fallback-tag referrers, named by its tag', async () => {
    const result = await callHandler(table, 'image:referrers', { ref })
    const sig = result.referrers.find((r) => r.digest === signatureDigest)
    assert.ok(sig, 'the .sig tag is a referrer')
    assert.equal(sig.artifactType, 'application/vnd.dev.cosign.simplesigning.v1+json')
    assert.equal(sig.annotations?.['org.opencontainers.image.ref.name'], sigTag)
    assert.equal(result.referrers.length, 5, 'three listed, the .sig and the .att tags')
    const graph = await callHandler(table, 'image:graph', { ref })
    assert.ok(
      graph.edges.some(
        (e) => e.relation === 'referrer' && e.from === image.digest && e.to === signatureDigest,
      ),
    )
  })

  it("lists cosign's .att tag (written by the harness from the format) as an attestation referrer, in the graph too", async () => {
    const result = await callHandler(table, 'image:referrers', { ref })
    const att = result.referrers.find((r) => r.digest === attestationDigest)
    assert.ok(att, 'the .att tag is a referrer')
    assert.equal(attTag, `${image.digest.replace(':', '-')}.att`)
    assert.equal(att.annotations?.['org.opencontainers.image.ref.name'], attTag)
    assert.equal(att.artifactType, DSSE)
    assert.equal(artifactKind(att.artifactType), 'attestation')
    const only = await callHandler(table, 'image:referrers', { ref, artifactType: DSSE })
    assert.ok(only.referrers.some((r) => r.digest === attestationDigest))
    const graph = await callHandler(table, 'image:graph', { ref })
    assert.ok(
      graph.edges.some(
        (e) => e.relation === 'referrer' && e.from === image.digest && e.to === attestationDigest,
      ),
    )
  })

  it("decodes the .att tag's DSSE layers as in-toto statements: subjects match, not verified, then verified with the key", async () => {
    const plain = await callHandler(table, 'attestations:decode', {
      ref,
      digest: attestationDigest,
    })
    assert.equal(plain.subject, image.digest)
    assert.deepEqual(
      plain.items.map((i) => [i.label, i.mediaType, i.part.kind]),
      [
        [{ kind: 'layer', position: 0 }, DSSE, 'in-toto'],
        [{ kind: 'layer', position: 1 }, DSSE, 'in-toto'],
      ],
    )
    const [provenance, sbom] = plain.items.map((i) => i.part)
    assert.ok(provenance?.kind === 'in-toto' && sbom?.kind === 'in-toto')
    assert.equal(provenance.envelope, 'dsse')
    assert.equal(provenance.predicateType, 'https://slsa.dev/provenance/v0.2')
    assert.equal(provenance.subjectMatch, 'matches')
    assert.deepEqual(provenance.verification, {
      status: 'not-verified',
      reason: { kind: 'noKey', signed: 'envelope' },
    })
    assert.equal(provenance.provenance?.materials[0]?.digest, `sha256:${'6'.repeat(64)}`)
    assert.equal(sbom.sbom?.packages.length, 5)
    assert.equal(sbom.subjectMatch, 'matches')
    const keyed = await callHandler(table, 'attestations:decode', {
      ref,
      digest: attestationDigest,
      publicKey: key.publicKeyPem,
    })
    assert.deepEqual(
      keyed.items.map((i) => i.part.kind === 'in-toto' && i.part.verification.status),
      ['verified', 'verified'],
    )
  })

  it('decodes the .sig signature: payload matches, not verified, then verified with the key', async () => {
    const plain = await callHandler(table, 'attestations:decode', { ref, digest: signatureDigest })
    assert.equal(plain.subject, image.digest)
    const part = plain.items[0]?.part
    assert.equal(part?.kind, 'cosign-signature')
    if (part?.kind !== 'cosign-signature') return
    assert.equal(part.signedDigest, image.digest)
    assert.equal(part.match, 'matches')
    assert.equal(part.verification.status, 'not-verified')
    const keyed = await callHandler(table, 'attestations:decode', {
      ref,
      digest: signatureDigest,
      publicKey: key.publicKeyPem,
    })
    assert.equal(
      keyed.items[0]?.part.kind === 'cosign-signature' && keyed.items[0].part.verification.status,
      'verified',
    )
    const other = await callHandler(table, 'attestations:decode', {
      ref,
      digest: signatureDigest,
      publicKey: generateSigningKey('ed25519').publicKeyPem,
    })
    assert.equal(
      other.items[0]?.part.kind === 'cosign-signature' && other.items[0].part.verification.status,
      'failed',
    )
  })

  it('says a signature whose payload names another image does not match', async () => {
    const report = await callHandler(table, 'attestations:decode', {
      ref,
      digest: foreignDigest,
      subject: image.digest,
    })
    assert.equal(
      report.items[0]?.part.kind === 'cosign-signature' && report.items[0].part.match,
      'does-not-match',
    )
  })

  it('decodes the DSSE referrer against its subject and verifies the envelope', async () => {
    const report = await callHandler(table, 'attestations:decode', {
      ref,
      digest: envelopeDigest,
      publicKey: key.publicKeyPem,
    })
    assert.equal(report.subject, image.digest, 'the manifest subject is what it is matched against')
    assert.equal(report.from.kind === 'manifest' && report.from.artifactType, DSSE)
    const part = report.items[0]?.part
    assert.equal(part?.kind, 'in-toto')
    if (part?.kind !== 'in-toto') return
    assert.equal(part.subjectMatch, 'matches')
    assert.equal(part.verification.status, 'verified')
    assert.equal(part.provenance?.builderId, 'https://github.com/docker/buildx@v0.12.0')
  })

  it('decodes a cosign 3 Sigstore bundle referrer and verifies its envelope with the key', async () => {
    const report = await callHandler(table, 'attestations:decode', {
      ref,
      digest: bundleDigest,
      publicKey: key.publicKeyPem,
    })
    const part = report.items[0]?.part
    assert.equal(part?.kind, 'in-toto')
    if (part?.kind !== 'in-toto') return
    assert.equal(part.subjectMatch, 'matches')
    assert.equal(part.verification.status, 'verified')
    assert.equal(part.bundle?.publicKeyHint, 'harness-key')
    assert.equal(part.bundle?.transparencyLog[0]?.logIndex, 7)
  })

  it('matches a buildx attestation manifest with the image its index entry names', async () => {
    const builder = new OciLayoutBuilder('/nonexistent')
    const amd = await pushTestImage(
      registry.host,
      'demo/multi',
      [],
      { layers: [[{ type: 'file', path: 'a', content: 'a\n' }]] },
      builder,
    )
    const statement = inTotoStatement(
      [{ name: 'pkg:docker/demo/multi', digest: amd.digest }],
      'https://spdx.dev/Document',
      JSON.parse(spdxDocument(packages.slice(0, 20))),
    )
    const attestation = buildAttestationManifest(builder, amd.manifest, [
      { predicateType: 'https://spdx.dev/Document', statement },
    ])
    const index = builder.addIndex({
      manifests: [
        { ...amd.manifest, platform: { os: 'linux', architecture: 'amd64' } },
        attestation,
      ],
    })
    await new RegistryPusher({ host: registry.host }).pushTree(
      'demo/multi',
      index.digest,
      OCI.index,
      (d) => builder.getBlob(d),
      ['v1'],
    )
    const report = await callHandler(table, 'attestations:decode', {
      ref: `${registry.host}/demo/multi:v1`,
      digest: attestation.digest,
    })
    assert.equal(report.subject, amd.digest)
    const part = report.items[0]?.part
    assert.equal(part?.kind === 'in-toto' && part.subjectMatch, 'matches')
    assert.equal(part?.kind === 'in-toto' && part.sbom?.packages.length, 20)

    // The graph hangs it under the image it describes, not beside the platforms.
    const graph = await callHandler(table, 'image:graph', { ref: `${registry.host}/demo/multi:v1` })
    const into = graph.edges.filter((e) => e.to === attestation.digest)
    assert.deepEqual(
      into.map((e) => [e.from, e.relation, e.position]),
      [[amd.digest, 'referrer', 1]],
    )
    assert.equal(graph.nodes.find((n) => n.id === attestation.digest)?.role, 'attestation')
    assert.deepEqual(
      graph.edges.filter((e) => e.from === index.digest).map((e) => e.to),
      [amd.digest],
    )
  })

  it('decodes an SBOM file inside a layer', async () => {
    const report = await callHandler(table, 'attestations:decode', {
      ref,
      path: '/usr/share/sbom/app.spdx.json',
    })
    assert.deepEqual(report.from, { kind: 'file', path: '/usr/share/sbom/app.spdx.json', layer: 1 })
    const part = report.items[0]?.part
    assert.equal(part?.kind === 'sbom' && part.sbom.packages.length, packages.length)
  })

  it('refuses a file over the 32 MiB decode cap by its size, naming it', async () => {
    const big = new Uint8Array(MAX_DECODE_BYTES + 1).fill(0x20)
    await pushTestImage(registry.host, 'demo/bigsbom', ['v1'], {
      layers: [[{ type: 'file', path: 'sbom/huge.spdx.json', content: big }]],
    })
    const error = await callHandlerError(table, 'attestations:decode', {
      ref: `${registry.host}/demo/bigsbom:v1`,
      path: '/sbom/huge.spdx.json',
    })
    assert.equal(error, 'TOO_LARGE')
  })

  it('refuses bad arguments with BAD_INPUT', async () => {
    assert.equal(await callHandlerError(table, 'attestations:decode', { ref }), 'BAD_INPUT')
    assert.equal(
      await callHandlerError(table, 'attestations:decode', { ref, digest: 'sha256:nope' }),
      'BAD_INPUT',
    )
    assert.equal(
      await callHandlerError(table, 'attestations:decode', {
        ref,
        digest: signatureDigest,
        publicKey: 'not a key',
      }),
      'BAD_INPUT',
    )
  })
})
