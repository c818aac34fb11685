// sources/openImage, the one rule for which image a reference means, against a real OCI layout
// read by the real layout source: attestations skipped, nested indexes followed (and bounded),
// platforms matched with variant defaults, a clear NOT_FOUND listing what there is, and the
// config validated once (MALFORMED naming the config blob).

import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { StrataError } from '../../../shared/errors'
import {
  isAttestationManifest,
  parsePlatformText,
  platformMatches,
} from '../../../shared/oci/platforms'
import type { Descriptor, Platform } from '../../../shared/oci/types'
import { compareImages } from '../../../electron/compare/compareImages'
import { collectSharingImages } from '../../../electron/sharing/collectImages'
import { listImages, openImage, pickImage } from '../../../electron/sources/openImage'
import type { ImageSource } from '../../../electron/sources/imageSource'
import { openOciLayout } from '../../../electron/stores/oci-layout/ociLayoutSource'
import { DOCKER, OCI, OciLayoutBuilder } from '../../harness/ociBuilder'

let dir: string
let layout: OciLayoutBuilder
const images = new Map<string, Descriptor>()
let attestation: Descriptor
let badConfig: Descriptor
let textConfig: Descriptor

const open = (tag: string): Promise<ImageSource> => openOciLayout(dir, tag)

function addImage(name: string, platform: Platform, configExtra: object = {}): Descriptor {
  const layer = layout.addLayer([{ type: 'file', path: `etc/${name}`, content: `${name}\n` }], {
    compression: 'gzip',
  })
  const config = layout.addConfig({
    architecture: platform.architecture,
    os: platform.os,
    ...(platform.variant !== undefined ? { variant: platform.variant } : {}),
    rootfs: { type: 'layers', diff_ids: [layer.diffId] },
    ...configExtra,
  })
  const manifest = layout.addManifest({ config, layers: [layer], platform })
  images.set(name, manifest)
  return manifest
}

/** The same manifest listed without a platform in an index entry. */
function withoutPlatform(descriptor: Descriptor): Descriptor {
  return { mediaType: descriptor.mediaType, digest: descriptor.digest, size: descriptor.size }
}

before(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'strata-openimage-'))
  layout = new OciLayoutBuilder(dir)
  const amd64 = addImage('amd64', { os: 'linux', architecture: 'amd64' })
  const arm64 = addImage('arm64', { os: 'linux', architecture: 'arm64' }, { variant: 'v8' })
  const armv6 = addImage('armv6', { os: 'linux', architecture: 'arm', variant: 'v6' })
  const armv7 = addImage('armv7', { os: 'linux', architecture: 'arm', variant: 'v7' })
  const ppc = addImage('ppc64le', { os: 'linux', architecture: 'ppc64le' })
  const win = addImage('windows', {
    os: 'windows',
    architecture: 'amd64',
    'os.version': '10.0.17763.1',
  })
  // A buildx attestation: platform unknown/unknown, the reference-type annotation.
  attestation = layout.addManifest({
    config: layout.addEmptyConfig(),
    layers: [
      layout.addJson(
        { predicateType: 'https://slsa.dev/provenance/v1' },
        'application/vnd.in-toto+json',
      ),
    ],
    platform: { os: 'unknown', architecture: 'unknown' },
    descriptorAnnotations: {
      'vnd.docker.reference.type': 'attestation-manifest',
      'vnd.docker.reference.digest': amd64.digest,
    },
  })
  const nested = layout.addIndex({ manifests: [ppc] })
  layout.tag(
    'multi',
    layout.addIndex({ manifests: [attestation, amd64, nested, arm64, armv6, armv7, win] }),
  )
  layout.tag('nested-first', layout.addIndex({ manifests: [nested, amd64] }))
  layout.tag('attestations-only', layout.addIndex({ manifests: [attestation] }))
  layout.tag('no-platforms', layout.addIndex({ manifests: [withoutPlatform(armv7)] }))
  // Five indexes down to the image: the innermost one is past the bound (depth 4).
  let deep: Descriptor = ppc
  for (let level = 0; level < 5; level += 1) deep = layout.addIndex({ manifests: [deep] })
  layout.tag('too-deep', deep)
  layout.tag(
    'three-deep',
    layout.addIndex({ manifests: [layout.addIndex({ manifests: [nested] })] }),
  )
  layout.tag('single', amd64)

  const layer = layout.addLayer([{ type: 'file', path: 'x', content: 'x' }], {
    compression: 'none',
  })
  badConfig = layout.addConfig({
    architecture: 'amd64',
    os: 'linux',
    rootfs: { type: 'layers', diff_ids: ['not-a-digest'] },
  })
  layout.tag('bad-config', layout.addManifest({ config: badConfig, layers: [layer] }))
  textConfig = layout.addBlob(new TextEncoder().encode('not json at all'), OCI.config)
  layout.tag('text-config', layout.addManifest({ config: textConfig, layers: [layer] }))
  layout.tag(
    'artifact',
    layout.addManifest({
      config: layout.addEmptyConfig(),
      layers: [layer],
      artifactType: 'application/vnd.example.thing',
    }),
  )
  const dockerConfig = layout.addConfig(
    {
      architecture: 'amd64',
      os: 'linux',
      config: { Env: null, Cmd: ['/bin/sh'], ExposedPorts: null },
      rootfs: { type: 'layers', diff_ids: [layer.diffId] },
    },
    DOCKER.config,
  )
  layout.tag(
    'docker',
    layout.addManifest({ config: dockerConfig, layers: [layer], mediaType: DOCKER.manifest }),
  )
  const untyped = layout.addConfig(
    {
      architecture: 'amd64',
      os: 'linux',
      created: '2016-03-02T10:00:00Z',
      rootfs: { type: 'layers', diff_ids: [layer.diffId] },
    },
    'application/octet-stream',
  )
  layout.tag(
    'untyped-config',
    layout.addManifest({ config: untyped, layers: [layer], mediaType: DOCKER.manifest }),
  )
  const payload = layout.addBlob(
    new TextEncoder().encode('plain bytes'),
    'application/octet-stream',
  )
  layout.tag('untyped-payload', layout.addManifest({ config: payload, layers: [layer] }))
  await layout.write()
})

after(async () => {
  if (dir !== undefined) await rm(dir, { recursive: true, force: true })
})

describe('shared platform rules', () => {
  it('tells attestation manifests by annotation or by unknown/unknown', () => {
    assert.equal(isAttestationManifest(attestation), true)
    assert.equal(
      isAttestationManifest({ platform: { os: 'unknown', architecture: 'unknown' } }),
      true,
    )
    assert.equal(
      isAttestationManifest({
        annotations: { 'vnd.docker.reference.type': 'attestation-manifest' },
      }),
      true,
    )
    assert.equal(isAttestationManifest({ platform: { os: 'linux', architecture: 'amd64' } }), false)
  })

  it('reads platform text back and applies variant defaults', () => {
    assert.deepEqual(parsePlatformText('linux/arm/v7'), {
      os: 'linux',
      architecture: 'arm',
      variant: 'v7',
    })
    assert.deepEqual(parsePlatformText('windows/amd64 (10.0.17763.1)'), {
      os: 'windows',
      architecture: 'amd64',
      'os.version': '10.0.17763.1',
    })
    assert.equal(parsePlatformText('amd64'), undefined)
    const arm64 = { os: 'linux', architecture: 'arm64' }
    assert.equal(platformMatches(arm64, { ...arm64, variant: 'v8' }), true)
    assert.equal(platformMatches({ ...arm64, variant: 'v8' }, arm64), true)
    const arm = { os: 'linux', architecture: 'arm' }
    assert.equal(platformMatches({ ...arm, variant: 'v6' }, arm), false)
    assert.equal(platformMatches({ ...arm, variant: 'v7' }, arm), true)
  })
})

describe('which image a reference means', () => {
  it('lists the images of an index in order: attestations out, nested indexes in', async () => {
    const listing = await listImages(await open('multi'))
    assert.equal(listing.kind, 'index')
    assert.deepEqual(
      listing.kind === 'index' ? listing.images.map((i) => i.descriptor.digest) : [],
      ['amd64', 'ppc64le', 'arm64', 'armv6', 'armv7', 'windows'].map((n) => images.get(n)?.digest),
    )
  })

  it('defaults to the first runnable image in index order, never an attestation', async () => {
    const picked = await pickImage(await open('multi'))
    assert.equal(picked.descriptor.digest, images.get('amd64')?.digest)
    assert.deepEqual(picked.platform, { os: 'linux', architecture: 'amd64' })
    // A nested index listed first is followed for the default too.
    const nested = await pickImage(await open('nested-first'))
    assert.equal(nested.descriptor.digest, images.get('ppc64le')?.digest)
    // Entries without a platform are taken when there is nothing else.
    const bare = await pickImage(await open('no-platforms'))
    assert.equal(bare.descriptor.digest, images.get('armv7')?.digest)
    assert.equal(bare.platform, undefined)
  })

  it('matches the asked platform, following nested indexes', async () => {
    const source = await open('multi')
    const pick = async (platform: string | Platform): Promise<string> =>
      (await pickImage(source, { platform })).descriptor.digest
    assert.equal(await pick('linux/ppc64le'), images.get('ppc64le')?.digest)
    assert.equal(
      await pick({ os: 'linux', architecture: 'ppc64le' }),
      images.get('ppc64le')?.digest,
    )
    assert.equal(await pick('linux/arm/v6'), images.get('armv6')?.digest)
    assert.equal(await pick('windows/amd64 (10.0.17763.1)'), images.get('windows')?.digest)
    assert.equal(await pick('windows/amd64'), images.get('windows')?.digest)
  })

  it('applies variant defaults: arm64 is v8, arm is v7', async () => {
    const source = await open('multi')
    const pick = async (platform: string): Promise<string> =>
      (await pickImage(source, { platform })).descriptor.digest
    // The index lists arm64 without a variant; asking for v8 finds it.
    assert.equal(await pick('linux/arm64/v8'), images.get('arm64')?.digest)
    assert.equal(await pick('linux/arm64'), images.get('arm64')?.digest)
    // arm without a variant means v7, although v6 is listed first.
    assert.equal(await pick('linux/arm'), images.get('armv7')?.digest)
  })

  it('says which platforms there are when the asked one is missing', async () => {
    const error = await pickImage(await open('multi'), { platform: 'linux/s390x' }).then(
      () => undefined,
      (e: unknown) => e,
    )
    assert.ok(error instanceof StrataError)
    assert.equal(error.code, 'NOT_FOUND')
    assert.match(error.message, /has no linux\/s390x image/)
    assert.match(
      error.message,
      /it has: linux\/amd64, linux\/ppc64le, linux\/arm64, linux\/arm\/v6, linux\/arm\/v7, windows\/amd64 \(10\.0\.17763\.1\)\)$/,
    )
    assert.doesNotMatch(error.message, /unknown/)
    await assert.rejects(pickImage(await open('multi'), { platform: 'linux/arm/v5' }), {
      code: 'NOT_FOUND',
    })
    await assert.rejects(pickImage(await open('attestations-only')), {
      code: 'NOT_FOUND',
      message: /names no runnable image \(it has: no platform images\)/,
    })
    await assert.rejects(pickImage(await open('multi'), { platform: 'amd64' }), {
      code: 'BAD_INPUT',
    })
  })

  it('follows nesting to a bounded depth', async () => {
    const three = await pickImage(await open('three-deep'))
    assert.equal(three.descriptor.digest, images.get('ppc64le')?.digest)
    await assert.rejects(pickImage(await open('too-deep')), { code: 'NOT_FOUND' })
  })

  it('takes a lone manifest as itself, whatever platform is asked', async () => {
    const picked = await pickImage(await open('single'), { platform: 'linux/s390x' })
    assert.equal(picked.descriptor.digest, images.get('amd64')?.digest)
    assert.equal(picked.root.digest, picked.descriptor.digest)
    assert.equal(picked.layers.length, 1)
  })
})

describe('the config, read once and validated', () => {
  it('returns manifest, validated config and layers', async () => {
    const opened = await openImage(await open('multi'), { platform: 'linux/arm64' })
    assert.equal(opened.config?.architecture, 'arm64')
    assert.equal(opened.config?.variant, 'v8')
    assert.deepEqual(opened.config?.rootfs.diff_ids.length, opened.layers.length)
    assert.equal(opened.manifest.layers, opened.layers)
  })

  it('drops the nulls Docker writes and keeps the rest', async () => {
    const opened = await openImage(await open('docker'))
    assert.deepEqual(opened.config?.config, { Cmd: ['/bin/sh'] })
  })

  it('is MALFORMED, naming the config blob, when the config breaks the schema', async () => {
    // Picking does not read the config: Files can still list the layers.
    const picked = await pickImage(await open('bad-config'))
    assert.equal(picked.layers.length, 1)
    await assert.rejects(openImage(await open('bad-config')), (error: unknown) => {
      assert.ok(error instanceof StrataError)
      assert.equal(error.code, 'MALFORMED')
      assert.ok(error.message.includes(`config blob ${badConfig.digest}`), error.message)
      assert.match(error.message, /diff_ids\/0 is not/)
      return true
    })
    await assert.rejects(openImage(await open('text-config')), {
      code: 'MALFORMED',
      message: new RegExp(`config blob ${textConfig.digest} is not JSON`),
    })
  })

  it('reads an old Docker config typed application/octet-stream, and nothing else so typed', async () => {
    const opened = await openImage(await open('untyped-config'))
    assert.equal(opened.config?.created, '2016-03-02T10:00:00Z')
    assert.equal((await openImage(await open('untyped-payload'))).config, undefined)
  })

  it('has no image config for an artifact', async () => {
    const opened = await openImage(await open('artifact'))
    assert.equal(opened.config, undefined)
    assert.equal(opened.layers.length, 1)
  })
})

describe('the features that ask it', () => {
  it('Compare takes the same image, and the same platform on the right', async () => {
    const nestedFirst = await compareImages(await open('nested-first'), await open('multi'))
    assert.equal(nestedFirst.left.manifestDigest, images.get('ppc64le')?.digest)
    assert.equal(nestedFirst.right.manifestDigest, images.get('ppc64le')?.digest)
    assert.equal(nestedFirst.identical, true)
    const multiFirst = await compareImages(await open('multi'), await open('nested-first'))
    assert.equal(multiFirst.left.manifestDigest, images.get('amd64')?.digest)
    assert.equal(multiFirst.right.manifestDigest, images.get('amd64')?.digest)
    // A right side without the left's platform shows its own default image.
    const other = await compareImages(await open('nested-first'), await open('no-platforms'))
    assert.equal(other.right.manifestDigest, images.get('armv7')?.digest)
    // An asked platform the right side lacks is an error, not a silent substitute.
    const arm = await compareImages(await open('multi'), await open('nested-first'), {
      platform: { os: 'linux', architecture: 'arm', variant: 'v6' },
    }).then(
      () => 'resolved',
      (error: unknown) => (error instanceof StrataError ? error.code : 'other'),
    )
    assert.equal(arm, 'NOT_FOUND', 'an asked platform is never replaced')
  })

  it('Sharing lists the same images, labelled by platform', async () => {
    const shared = await collectSharingImages(await open('multi'), { label: 'multi' })
    assert.deepEqual(
      shared.map((i) => [i.label, i.digest]),
      [
        ['multi linux/amd64', images.get('amd64')?.digest],
        ['multi linux/ppc64le', images.get('ppc64le')?.digest],
        ['multi linux/arm64', images.get('arm64')?.digest],
        ['multi linux/arm/v6', images.get('armv6')?.digest],
        ['multi linux/arm/v7', images.get('armv7')?.digest],
        ['multi windows/amd64 (10.0.17763.1)', images.get('windows')?.digest],
      ],
    )
  })
})
