// Pushes the standard fixture set to a running registry. The main images go through
// `skopeo copy` from an OCI layout we wrote (which proves skopeo accepts our layouts); the
// shapes a copy tool would rewrite (Docker media types, nested indexes, artifacts with a
// subject) and the bulk tags go through the raw HTTP pusher, byte for byte.

import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Descriptor, Platform } from '../../shared/oci/types'
import { DOCKER, OciLayoutBuilder } from './ociBuilder'
import {
  addArtifact,
  addAttestation,
  addFixtureImage,
  appFilesFor,
  platformString,
} from './ociFixtureImages'
import type { ImageParts } from './ociFixtureImages'
import { RegistryPusher } from './ociPusher'
import { runTool } from './tools'

export interface PushedImage {
  repository: string
  tag: string
  digest: string
  mediaType: string
  size: number
  configDigest?: string
  layerDigests?: readonly string[]
  /** For indexes: the runnable platforms below it ("linux/arm/v7"), attestations left out. */
  platforms?: readonly string[]
  /** For indexes: the direct children, in index order. */
  manifests?: readonly { digest: string; mediaType: string; platform?: string }[]
}

export interface FixtureSet {
  /** demo/app:v1 — OCI manifest, 2 gzip layers, config history with an empty layer. */
  plain: PushedImage
  /** demo/multi:latest — OCI index: linux/amd64, linux/arm64, linux/arm/v7 + attestation. */
  multiPlatform: PushedImage
  /** demo/nested:v1 — index → (index → amd64, arm64) + ppc64le manifest. */
  nested: PushedImage
  /** demo/docker:v1 — Docker v2 manifest list → Docker v2 manifests. */
  docker: PushedImage
  /** demo/many with 320 tags (tag-000 … tag-319), all on one manifest. */
  manyTags: { repository: string; tags: readonly string[]; digest: string }
  /** team/a/b/c:v1 (4 path segments). */
  deepPath: PushedImage
  /**
   * An artifact with `subject` → demo/app:v1, pushed by digest to demo/app. Distribution 2.8
   * has no referrers API, so `fallbackTag` (sha256-<hex of the subject digest>) names an OCI
   * index listing the artifact, as the distribution-spec referrers tag schema says.
   */
  artifact: {
    subject: PushedImage
    artifactDigest: string
    artifactType: string
    fallbackTag: string
    fallbackIndexDigest: string
  }
}

export interface FixtureRegistry {
  host: string
  username?: string
  password?: string
}

export const ARTIFACT_TYPE = 'application/vnd.strata.test.review.v1+json'
export const MANY_TAG_COUNT = 320

const amd64: Platform = { os: 'linux', architecture: 'amd64' }
const arm64: Platform = { os: 'linux', architecture: 'arm64', variant: 'v8' }
const armv7: Platform = { os: 'linux', architecture: 'arm', variant: 'v7' }
const ppc64le: Platform = { os: 'linux', architecture: 'ppc64le' }

export async function pushFixtures(
  registry: FixtureRegistry,
  workDir?: string,
): Promise<FixtureSet> {
  const dir = workDir ?? (await mkdtemp(join(tmpdir(), 'strata-fixtures-')))
  try {
    return await buildAndPush(registry, dir)
  } finally {
    if (workDir === undefined) await rm(dir, { recursive: true, force: true })
  }
}

async function buildAndPush(registry: FixtureRegistry, dir: string): Promise<FixtureSet> {
  const layoutDir = join(dir, 'layout')
  const b = new OciLayoutBuilder(layoutDir)

  // Images skopeo copies out of the layout.
  const plain = addFixtureImage(b, { platform: amd64, appFiles: appFilesFor('demo/app v1') })
  b.tag('app-v1', plain.manifest)
  const platformImages = [amd64, arm64, armv7].map((platform) =>
    addFixtureImage(b, { platform, appFiles: appFilesFor(platformString(platform)) }),
  )
  const attestation = addAttestation(b, platformImages[0]!.manifest)
  const multi = b.addIndex({ manifests: [...platformImages.map((p) => p.manifest), attestation] })
  b.tag('multi-latest', multi)
  const deep = addFixtureImage(b, { platform: amd64, appFiles: appFilesFor('team/a/b/c') })
  b.tag('deep-v1', deep.manifest)
  await b.write()

  // Shapes pushed raw, read from the same in-memory blobs.
  const inner = b.addIndex({
    manifests: [platformImages[0]!.manifest, platformImages[1]!.manifest],
    descriptorAnnotations: { 'org.opencontainers.image.title': 'inner index' },
  })
  const power = addFixtureImage(b, { platform: ppc64le, appFiles: appFilesFor('linux/ppc64le') })
  const nested = b.addIndex({ manifests: [inner, power.manifest] })
  const dockerImages = [amd64, arm64].map((platform) =>
    addFixtureImage(b, {
      platform,
      appFiles: appFilesFor(`docker ${platformString(platform)}`),
      docker: true,
    }),
  )
  const dockerList = b.addIndex({
    manifests: dockerImages.map((p) => p.manifest),
    mediaType: DOCKER.manifestList,
  })
  const many = addFixtureImage(b, { platform: amd64, appFiles: appFilesFor('demo/many') })
  const artifact = addArtifact(b, plain.manifest, ARTIFACT_TYPE)
  const fallbackTag = plain.manifest.digest.replace(':', '-')
  const fallbackIndex = b.addIndex({ manifests: [artifact] })

  const pusher = new RegistryPusher(registry)
  const blobs = (digest: string): Uint8Array | undefined => b.getBlob(digest)
  const manyTags = Array.from(
    { length: MANY_TAG_COUNT },
    (_, i) => `tag-${String(i).padStart(3, '0')}`,
  )
  const manyBytes = blobs(many.manifest.digest)!

  await Promise.all([
    skopeoCopy(registry, layoutDir, 'app-v1', 'demo/app:v1'),
    skopeoCopy(registry, layoutDir, 'multi-latest', 'demo/multi:latest'),
    skopeoCopy(registry, layoutDir, 'deep-v1', 'team/a/b/c:v1'),
    pusher.pushTree('demo/nested', nested.digest, nested.mediaType, blobs, ['v1']),
    pusher.pushTree('demo/docker', dockerList.digest, dockerList.mediaType, blobs, ['v1']),
    (async () => {
      await pusher.pushTree(
        'demo/many',
        many.manifest.digest,
        many.manifest.mediaType,
        blobs,
        manyTags.slice(0, 1),
      )
      await pusher.pushTags('demo/many', manyTags.slice(1), manyBytes, many.manifest.mediaType)
    })(),
  ])
  // The artifact needs its subject's repository to exist first; push it after skopeo is done.
  await pusher.pushTree('demo/app', artifact.digest, artifact.mediaType, blobs)
  await pusher.pushTree('demo/app', fallbackIndex.digest, fallbackIndex.mediaType, blobs, [
    fallbackTag,
  ])

  const plainPushed = imageOf('demo/app', 'v1', plain)
  const set: FixtureSet = {
    plain: plainPushed,
    multiPlatform: indexOf('demo/multi', 'latest', multi, [
      ...platformImages.map((p) => p.manifest),
      attestation,
    ]),
    nested: {
      ...indexOf('demo/nested', 'v1', nested, [inner, power.manifest]),
      platforms: ['linux/amd64', 'linux/arm64/v8', 'linux/ppc64le'],
    },
    docker: indexOf(
      'demo/docker',
      'v1',
      dockerList,
      dockerImages.map((p) => p.manifest),
    ),
    manyTags: { repository: 'demo/many', tags: manyTags, digest: many.manifest.digest },
    deepPath: imageOf('team/a/b/c', 'v1', deep),
    artifact: {
      subject: plainPushed,
      artifactDigest: artifact.digest,
      artifactType: ARTIFACT_TYPE,
      fallbackTag,
      fallbackIndexDigest: fallbackIndex.digest,
    },
  }
  await checkSkopeoKeptDigests(pusher, [set.plain, set.multiPlatform, set.deepPath])
  return set
}

function imageOf(repository: string, tag: string, parts: ImageParts): PushedImage {
  return {
    repository,
    tag,
    digest: parts.manifest.digest,
    mediaType: parts.manifest.mediaType,
    size: parts.manifest.size,
    configDigest: parts.config.digest,
    layerDigests: parts.layers.map((l) => l.digest),
    ...(parts.manifest.platform ? { platforms: [platformString(parts.manifest.platform)] } : {}),
  }
}

function indexOf(
  repository: string,
  tag: string,
  index: Descriptor,
  children: readonly Descriptor[],
): PushedImage {
  return {
    repository,
    tag,
    digest: index.digest,
    mediaType: index.mediaType,
    size: index.size,
    platforms: children
      .filter((c) => c.platform && c.platform.os !== 'unknown')
      .map((c) => platformString(c.platform!)),
    manifests: children.map((c) => ({
      digest: c.digest,
      mediaType: c.mediaType,
      ...(c.platform ? { platform: platformString(c.platform) } : {}),
    })),
  }
}

async function skopeoCopy(
  registry: FixtureRegistry,
  layoutDir: string,
  layoutTag: string,
  destination: string,
): Promise<void> {
  const creds =
    registry.username !== undefined
      ? ['--dest-creds', `${registry.username}:${registry.password ?? ''}`]
      : []
  await runTool('skopeo', [
    '--insecure-policy',
    'copy',
    '--all',
    '--quiet',
    '--preserve-digests',
    '--dest-tls-verify=false',
    ...creds,
    `oci:${layoutDir}:${layoutTag}`,
    `docker://${registry.host}/${destination}`,
  ])
}

/** skopeo must not have rewritten anything: each tag serves the digest we built. */
async function checkSkopeoKeptDigests(
  pusher: RegistryPusher,
  images: readonly PushedImage[],
): Promise<void> {
  for (const image of images) {
    const served = await pusher.manifestDigest(image.repository, image.tag, [image.mediaType])
    if (served !== image.digest) {
      throw new Error(
        `${image.repository}:${image.tag} is ${served ?? 'missing'}, expected ${image.digest}`,
      )
    }
  }
}
