// English strings of the "sharing" namespace. Keys are grouped by the component that shows them.
import type { Strings } from '../catalogue'

export const sharing = {} satisfies Strings
