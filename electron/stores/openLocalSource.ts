// One entry point for every local transport: a parsed source reference (anything but docker://)
// becomes the ImageSource that reads it. Each opener fails now, with a message naming the path
// or socket, rather than on the first fetch.

import type { ImageSource } from '../sources/imageSource'
import type { LocalSourceRef } from '../sources/openSource'
import { openDockerArchive, openOciArchive } from './archive/archiveFileSources'
import { openContainerd } from './containerd/containerdSource'
import { openContainer } from './containers/openContainer'
import { openContainersStorage } from './containers-storage/containersStorageSource'
import { openDir } from './dir/dirSource'
import { openDockerDaemon } from './docker-daemon/dockerDaemonSource'
import { openOciLayout } from './oci-layout/ociLayoutSource'

export type { LocalSourceRef } from '../sources/openSource'

export interface LocalSourceOptions {
  readonly signal?: AbortSignal
  /**
   * Environment for DOCKER_HOST, CONTAINERD_ADDRESS, CONTAINERS_STORAGE_CONF, HOME, XDG_*;
   * process.env if absent.
   */
  readonly env?: NodeJS.ProcessEnv
}

export async function openLocalSource(
  ref: LocalSourceRef,
  options: LocalSourceOptions = {},
): Promise<ImageSource> {
  options.signal?.throwIfAborted()
  switch (ref.transport) {
    case 'oci':
      return openOciLayout(ref.path, ref.reference)
    case 'oci-archive':
      return openOciArchive(ref.path, ref.reference, options.signal)
    case 'docker-archive':
      return openDockerArchive(ref.path, ref.reference, options.signal)
    case 'dir':
      return openDir(ref.path, options.signal)
    case 'containers-storage':
      return openContainersStorage(ref, options)
    case 'docker-daemon':
      return openDockerDaemon(ref.image, options)
    case 'containerd':
      return openContainerd(ref, options)
    case 'container':
      return openContainer(ref, options)
  }
}
