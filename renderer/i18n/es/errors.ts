// Spanish strings of the "errors" namespace: the vocabulary of the reference tutorials (imagen,
// capa, etiqueta, registro, repositorio, digest, contenedor), written for Spanish readers.
import type { SameKeys } from '../catalogue'
import type { errors as english } from '../en/errors'

export const errors: SameKeys<typeof english> = {}
