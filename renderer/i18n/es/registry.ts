// Spanish strings of the "registry" namespace: the vocabulary of the reference tutorials (imagen,
// capa, etiqueta, registro, repositorio, digest, contenedor), written for Spanish readers.
import type { SameKeys } from '../catalogue'
import type { registry as english } from '../en/registry'

export const registry: SameKeys<typeof english> = {}
