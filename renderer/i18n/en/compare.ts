// English strings of the "compare" namespace. Keys are grouped by the component that shows them.
import type { Strings } from '../catalogue'

export const compare = {} satisfies Strings
