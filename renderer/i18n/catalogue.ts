// The shape every language's catalogue must have: the English one's keys, every value a
// string. The Spanish catalogues are typed with it, so a key missing or added on one side is a
// compile error (and test/unit/i18n checks the same at run time, plurals included).

export interface Strings {
  readonly [key: string]: string | Strings
}

/** Same keys as T, all the way down; values are any string. */
export type SameKeys<T> = {
  readonly [K in keyof T]: T[K] extends string ? string : SameKeys<T[K]>
}
