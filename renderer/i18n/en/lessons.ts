// English strings of the "lessons" namespace. Keys are grouped by the component that shows them.
import type { Strings } from '../catalogue'

export const lessons = {} satisfies Strings
