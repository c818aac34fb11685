// English strings of the "image" namespace. Keys are grouped by the component that shows them.
import type { Strings } from '../catalogue'

export const image = {} satisfies Strings
