// English strings of the "files" namespace. Keys are grouped by the component that shows them.
import type { Strings } from '../catalogue'

export const files = {} satisfies Strings
