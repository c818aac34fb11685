// Spanish strings of the "attestations" namespace: the vocabulary of the reference tutorials (imagen,
// capa, etiqueta, registro, repositorio, digest, contenedor), written for Spanish readers.
import type { SameKeys } from '../catalogue'
import type { attestations as english } from '../en/attestations'

export const attestations: SameKeys<typeof english> = {}
