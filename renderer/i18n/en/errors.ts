// English strings of the "errors" namespace. Keys are grouped by the component that shows them.
import type { Strings } from '../catalogue'

export const errors = {} satisfies Strings
