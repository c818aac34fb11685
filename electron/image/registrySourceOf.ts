// Narrows an opened source to a registry source, for the operations that only registries
// answer (referrers, tag recording).

import type { RegistryImageSource } from '../registry/registrySource'
import type { ImageSource } from '../sources/imageSource'

export function registrySourceOf(source: ImageSource): RegistryImageSource | undefined {
  return source.kind === 'registry' && 'reference' in source
    ? (source as RegistryImageSource)
    : undefined
}
