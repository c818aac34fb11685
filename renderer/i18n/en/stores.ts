// English strings of the "stores" namespace. Keys are grouped by the component that shows them.
import type { Strings } from '../catalogue'

export const stores = {} satisfies Strings
