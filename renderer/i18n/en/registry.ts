// English strings of the "registry" namespace. Keys are grouped by the component that shows them.
import type { Strings } from '../catalogue'

export const registry = {} satisfies Strings
