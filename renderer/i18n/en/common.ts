// English strings of the "common" namespace. Keys are grouped by the component that shows them.
import type { Strings } from '../catalogue'

export const common = {} satisfies Strings
