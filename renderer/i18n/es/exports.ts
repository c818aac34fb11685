// Spanish strings of the "exports" namespace: the vocabulary of the reference tutorials (imagen,
// capa, etiqueta, registro, repositorio, digest, contenedor), written for Spanish readers.
import type { SameKeys } from '../catalogue'
import type { exports as english } from '../en/exports'

export const exports: SameKeys<typeof english> = {}
