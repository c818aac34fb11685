// English strings of the "frame" namespace. Keys are grouped by the component that shows them.
import type { Strings } from '../catalogue'

export const frame = {} satisfies Strings
