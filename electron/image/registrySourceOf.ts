// Narrows an opened source to a registry source, for the operations that only registries
// answer (referrers, tag recording).

import type { ImageSource, RegistryImageSource } from '../sources/imageSource'

export function registrySourceOf(source: ImageSource): RegistryImageSource | undefined {
  return source.kind === 'registry' ? source : undefined
}
