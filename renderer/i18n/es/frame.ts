// Spanish strings of the "frame" namespace: the vocabulary of the reference tutorials (imagen,
// capa, etiqueta, registro, repositorio, digest, contenedor), written for Spanish readers.
import type { SameKeys } from '../catalogue'
import type { frame as english } from '../en/frame'

export const frame: SameKeys<typeof english> = {}
