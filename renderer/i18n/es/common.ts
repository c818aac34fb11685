// Spanish strings of the "common" namespace: the vocabulary of the reference tutorials (imagen,
// capa, etiqueta, registro, repositorio, digest, contenedor), written for Spanish readers.
import type { SameKeys } from '../catalogue'
import type { common as english } from '../en/common'

export const common: SameKeys<typeof english> = {}
