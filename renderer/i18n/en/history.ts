// English strings of the "history" namespace. Keys are grouped by the component that shows them.
import type { Strings } from '../catalogue'

export const history = {} satisfies Strings
