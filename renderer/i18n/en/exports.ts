// English strings of the "exports" namespace. Keys are grouped by the component that shows them.
import type { Strings } from '../catalogue'

export const exports = {} satisfies Strings
