// Which file of which image a viewer shows: kept apart from fileReads.ts so pure helpers can
// name it without pulling in the api client.
export interface FileTarget {
  readonly ref: string
  /** For an index: which platform's image. */
  readonly platform?: string
  readonly layer: string | undefined
  /** Image path without a leading slash. */
  readonly path: string
}
