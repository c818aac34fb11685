// Real containers for the container tests, never started: a small image (the fixture image's
// base layer plus an app layer) written as an OCI layout, then
// - in a Docker daemon: loaded, `docker create`d, and given files with `docker cp` (one over
//   an image file, so it is changed; new ones, so they are added);
// - in a vfs containers-storage: copied in by skopeo, `podman create`d, and changed the way
//   `podman cp` would, directly in the container layer's directory (vfs keeps the whole
//   filesystem there): a file added, one changed, one deleted, a directory deleted.

import { chown, mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { OciLayoutBuilder } from './ociBuilder'
import { addFixtureImage, appFilesFor } from './ociFixtureImages'
import type { RunningDockerd } from './localStores'
import { run } from './localStores'

export const CONTAINER_IMAGE = 'example.com/strata/container-base:1'

export interface ContainerImageLayout {
  readonly root: string
  /** "oci:PATH:1" for skopeo. */
  readonly ociRef: string
  readonly cleanup: () => Promise<void>
}

export async function writeContainerImage(): Promise<ContainerImageLayout> {
  const root = await mkdtemp(join(tmpdir(), 'strata-containers-'))
  const builder = new OciLayoutBuilder(join(root, 'layout'))
  const platform = { os: 'linux', architecture: 'amd64' }
  const parts = addFixtureImage(builder, { platform, appFiles: appFilesFor('containers') })
  builder.tag('1', parts.manifest)
  await builder.write()
  return {
    root,
    ociRef: `oci:${builder.dir}:1`,
    cleanup: () => rm(root, { recursive: true, force: true }),
  }
}

/**
 * `docker create` + `docker cp`: /etc/motd replaced (changed), /app/notes.txt (owned by
 * 1234:5678) and /srv/ (a directory) added.
 */
export async function dockerContainerWithFiles(
  dockerd: RunningDockerd,
  image: ContainerImageLayout,
  name: string,
): Promise<void> {
  const archive = join(image.root, 'image.docker.tar')
  await run('skopeo', ['copy', '-q', image.ociRef, `docker-archive:${archive}:${CONTAINER_IMAGE}`])
  await dockerd.docker(['load', '-i', archive])
  await dockerd.docker(['create', '--name', name, '--network', 'none', CONTAINER_IMAGE])
  const files = join(image.root, `files-${name}`)
  await mkdir(join(files, 'data'), { recursive: true })
  await writeFile(join(files, 'motd'), 'Changed by docker cp, a longer message than before.\n')
  await writeFile(join(files, 'notes.txt'), 'added by docker cp\n')
  await writeFile(join(files, 'data', 'table.csv'), 'a,b\n1,2\n')
  await dockerd.docker(['cp', join(files, 'motd'), `${name}:/etc/motd`])
  // -a keeps the owner: the layer must show 1234:5678, not the 0:0 docker cp gives otherwise.
  await chown(join(files, 'notes.txt'), 1234, 5678)
  await dockerd.docker(['cp', '-a', join(files, 'notes.txt'), `${name}:/app/notes.txt`])
  await dockerd.docker(['cp', join(files, 'data'), `${name}:/srv`])
}

export interface VfsStore {
  readonly graphRoot: string
  readonly runRoot: string
  /** The podman flags that select this store. */
  readonly flags: readonly string[]
  podman(args: readonly string[]): Promise<string>
}

export function vfsStore(root: string): VfsStore {
  const graphRoot = join(root, 'vfs', 'graph')
  const runRoot = join(root, 'vfs', 'run')
  const flags = ['--root', graphRoot, '--runroot', runRoot, '--storage-driver', 'vfs']
  return {
    graphRoot,
    runRoot,
    flags,
    podman: (args) => run('podman', [...flags, ...args]),
  }
}
