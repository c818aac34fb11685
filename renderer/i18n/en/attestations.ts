// English strings of the "attestations" namespace. Keys are grouped by the component that shows them.
import type { Strings } from '../catalogue'

export const attestations = {} satisfies Strings
