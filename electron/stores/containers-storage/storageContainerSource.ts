// container:containers-storage:[store]NAME_OR_ID — a podman / buildah container opened
// read-only: its image (read as containers-storage: reads it) with the container's writable
// layer on top, read from the layer's directory (storageContainerLayer.ts).

import type { SourceRef } from '../../../shared/sourceRef'
import { formatSourceRef } from '../../../shared/sourceRef'
import type { ContainerSource } from '../containers/containerSource'
import { openContainerSource } from '../containers/containerSource'
import { openStore, readLayerRecords } from './containersStorageFiles'
import { openContainersStorage, storageSettingsFor } from './containersStorageSource'
import {
  findStorageContainer,
  readStorageContainers,
  storageContainerInfo,
} from './storageContainers'
import { storageLiveEntries } from './storageContainerLayer'

type ContainerRef = Extract<SourceRef, { transport: 'container' }>

export async function openStorageContainer(
  ref: ContainerRef,
  options: { readonly signal?: AbortSignal; readonly env?: NodeJS.ProcessEnv } = {},
): Promise<ContainerSource> {
  const { signal } = options
  const imageRef = {
    transport: 'containers-storage' as const,
    ...(ref.storage !== undefined ? { store: ref.storage } : {}),
  }
  const store = await openStore(
    await storageSettingsFor({ ...imageRef, image: 'x' }, options.env),
    signal,
  )
  const container = findStorageContainer(await readStorageContainers(store), ref.container, store)
  const layers = new Map((await readLayerRecords(store)).map((l) => [l.id, l] as const))
  const info = await storageContainerInfo(container, store, ref.storage, layers)
  const image = await openContainersStorage({ ...imageRef, image: container.record.image }, options)
  const custom = ref.storage !== undefined
  const flags = custom
    ? ` --root ${store.graphRoot} --runroot ${store.runRoot} --storage-driver ${store.driver}`
    : ''
  return openContainerSource(
    {
      info,
      image,
      entries: (entriesSignal) => storageLiveEntries(container.dirs, entriesSignal),
      checkPresent: async () => {
        findStorageContainer(
          await readStorageContainers(store),
          container.record.id,
          store,
          info.name,
        )
      },
      diffCommands: [
        {
          tool: 'podman',
          command: `podman${flags} diff ${info.name}`,
          note: { kind: 'containerChanges' },
        },
        {
          tool: 'podman',
          command: `podman${flags} ps -a --size --filter id=${info.id}`,
          note: { kind: 'containerSizes', tool: 'podman' },
        },
      ],
      ref: formatSourceRef(ref),
      where: `container ${info.name} in containers-storage ${store.graphRoot} (${store.driver})`,
    },
    signal,
  )
}
