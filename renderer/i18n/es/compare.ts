// Spanish strings of the "compare" namespace: the vocabulary of the reference tutorials (imagen,
// capa, etiqueta, registro, repositorio, digest, contenedor), written for Spanish readers.
import type { SameKeys } from '../catalogue'
import type { compare as english } from '../en/compare'

export const compare: SameKeys<typeof english> = {}
