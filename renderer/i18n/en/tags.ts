// English strings of the "tags" namespace. Keys are grouped by the component that shows them.
import type { Strings } from '../catalogue'

export const tags = {} satisfies Strings
