// Spanish strings of the "history" namespace: the vocabulary of the reference tutorials (imagen,
// capa, etiqueta, registro, repositorio, digest, contenedor), written for Spanish readers.
import type { SameKeys } from '../catalogue'
import type { history as english } from '../en/history'

export const history: SameKeys<typeof english> = {}
