// container:STORE:NAME_OR_ID — opens a container of the store it names.

import type { SourceRef } from '../../../shared/sourceRef'
import { openStorageContainer } from '../containers-storage/storageContainerSource'
import { openDockerContainer } from '../docker-daemon/dockerContainerSource'
import type { ContainerSource } from './containerSource'

export function openContainer(
  ref: Extract<SourceRef, { transport: 'container' }>,
  options: { readonly signal?: AbortSignal; readonly env?: NodeJS.ProcessEnv } = {},
): Promise<ContainerSource> {
  return ref.store === 'docker-daemon'
    ? openDockerContainer(ref.container, options)
    : openStorageContainer(ref, options)
}
