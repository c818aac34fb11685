// One small image, written as every file-based transport writes it: an oci-archive (a tar of
// an OCI layout), a docker-archive (`docker save`'s manifest.json + repositories, layers as
// plain tars) and a skopeo dir: copy. Same config bytes and diff IDs in all three; the
// containers-storage sample holds the same image too.

import { OciLayoutBuilder } from '../ociBuilder'
import type { LayerDescriptor } from '../ociBuilder'
import { buildTar } from '../ociTar'
import type { TarEntrySpec } from '../ociTar'
import { appLayer, baseLayer } from '../ociSampleContent'
import { datedEntries, json, tarOfTree, text } from './sampleFiles'
import type { Tree } from './sampleFiles'
import type { Descriptor } from '../../../shared/oci/types'

export const SMALL_CREATED = '2024-09-01T12:00:00Z'
/** The tag inside the oci-archive and the RepoTags of the docker-archive. */
export const ARCHIVE_TAG = 'demo'
export const DOCKER_REPO_TAG = 'demo:latest'

export interface SmallImage {
  readonly builder: OciLayoutBuilder
  readonly layers: readonly LayerDescriptor[]
  /** The uncompressed tars, bottom first (docker-archive layers, storage diffs). */
  readonly tars: readonly Uint8Array[]
  readonly layerFiles: readonly (readonly TarEntrySpec[])[]
  readonly config: Descriptor
  readonly manifest: Descriptor
}

/** The image: a base layer and an app layer, OCI media types, gzip layers. */
export function smallImage(dir = ''): SmallImage {
  const builder = new OciLayoutBuilder(dir)
  const layerFiles = [datedEntries(baseLayer, SMALL_CREATED), datedEntries(appLayer, SMALL_CREATED)]
  const layers = layerFiles.map((files) => builder.addLayer(files, { compression: 'gzip' }))
  const config = builder.addConfig({
    created: SMALL_CREATED,
    architecture: 'amd64',
    os: 'linux',
    // Fields in the order Go's image-spec structs write them, so a tool that converts the
    // image (skopeo copy docker-archive: → oci:) writes the same bytes and keeps the digest.
    config: {
      ExposedPorts: { '8080/tcp': {} },
      Env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', 'APP_PORT=8080'],
      Cmd: ['/app/server.sh'],
      WorkingDir: '/app',
    },
    rootfs: { type: 'layers', diff_ids: layers.map((layer) => layer.diffId) },
    history: [
      { created: SMALL_CREATED, created_by: 'ADD rootfs.tar / # base image' },
      { created: SMALL_CREATED, created_by: 'COPY app/ /app/ # buildkit' },
    ],
  })
  const manifest = builder.addManifest({ config, layers })
  return {
    builder,
    layers,
    tars: layerFiles.map((files) => buildTar(files)),
    layerFiles,
    config,
    manifest,
  }
}

const hex = (digest: string): string => digest.slice('sha256:'.length)

function blob(image: SmallImage, digest: string): Uint8Array {
  const bytes = image.builder.getBlob(digest)
  if (bytes === undefined) throw new Error(`sample blob ${digest} missing`)
  return bytes
}

/** archives/image.oci.tar: the OCI layout of the image, tagged "demo", as one tar. */
export function ociArchive(image: SmallImage): Uint8Array {
  const layout = new OciLayoutBuilder('') // only for its index.json
  layout.tag(ARCHIVE_TAG, image.manifest)
  const tree: Tree = new Map()
  tree.set('oci-layout', text('{"imageLayoutVersion":"1.0.0"}'))
  tree.set('index.json', layout.indexJson())
  for (const digest of image.builder.blobDigests())
    tree.set(`blobs/sha256/${hex(digest)}`, blob(image, digest))
  return tarOfTree(tree)
}

/**
 * archives/image.docker.tar, as `docker save` (and skopeo's docker-archive:) writes it:
 * manifest.json naming the config and plain layer tars, and the legacy `repositories` file.
 */
export function dockerArchive(image: SmallImage): Uint8Array {
  const tree: Tree = new Map()
  const configName = `${hex(image.config.digest)}.json`
  tree.set(configName, blob(image, image.config.digest))
  const layerNames = image.layers.map((layer, i) => {
    const name = `${hex(layer.diffId)}.tar`
    tree.set(name, image.tars[i] ?? new Uint8Array())
    return name
  })
  tree.set(
    'manifest.json',
    json([{ Config: configName, RepoTags: [DOCKER_REPO_TAG], Layers: layerNames }]),
  )
  const [repository, tag] = DOCKER_REPO_TAG.split(':')
  const top = image.layers[image.layers.length - 1]
  tree.set(
    'repositories',
    json({ [repository ?? 'demo']: { [tag ?? 'latest']: hex(top?.diffId ?? '') } }),
  )
  return tarOfTree(tree)
}

/** archives/dir/: skopeo's dir: format (manifest.json, version, blobs named by hex digest). */
export function dirCopy(image: SmallImage): Tree {
  const tree: Tree = new Map()
  tree.set('manifest.json', blob(image, image.manifest.digest))
  tree.set('version', text('Directory Transport Version: 1.1\n'))
  tree.set(hex(image.config.digest), blob(image, image.config.digest))
  for (const layer of image.layers) tree.set(hex(layer.digest), blob(image, layer.digest))
  return tree
}
