// File lists as CSV and JSON for class material: a layer's changes, a directory listing, a
// compare diff. CSV follows RFC 4180 (header row, CRLF, fields with a comma, quote or line
// break quoted, quotes doubled) and defuses spreadsheet formulas: a text cell starting with
// = + - @ (or a tab or carriage return) gets a leading apostrophe, so opening the file never
// runs what an image's file names say. JSON is an array of objects with the columns' keys, in
// the columns' order.

export type CellValue = string | number | boolean | null

export interface ListColumn<T> {
  /** Header and JSON key: stable, lower camel case ("path", "kind", "size", "mode"). */
  readonly key: string
  readonly value: (row: T) => CellValue
}

const FORMULA_START = /^[=+\-@\t\r]/
const NEEDS_QUOTES = /[",\r\n]/

/** One CSV field: formulas defused in text, then quoted when RFC 4180 asks for it. */
export function csvField(value: CellValue): string {
  if (value === null) return ''
  let text = String(value)
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

export function toCsv<T>(columns: readonly ListColumn<T>[], rows: readonly T[]): string {
  const lines = [columns.map((c) => csvField(c.key)).join(',')]
  for (const row of rows) lines.push(columns.map((c) => csvField(c.value(row))).join(','))
  return `${lines.join('\r\n')}\r\n`
}

export function toJson<T>(columns: readonly ListColumn<T>[], rows: readonly T[]): string {
  const objects = rows.map((row) => {
    const object: Record<string, CellValue> = {}
    for (const column of columns) object[column.key] = column.value(row)
    return object
  })
  return `${JSON.stringify(objects, null, 2)}\n`
}

/** A file's permission bits as four octal digits ("0755"), the way tar and ls -n show them. */
export function octalMode(mode: number): string {
  return (mode & 0o7777).toString(8).padStart(4, '0')
}

const TRANSPORT =
  /^(docker|oci|oci-archive|docker-archive|dir|containers-storage|docker-daemon|containerd|container):(\/\/)?/

/**
 * A file name for what was exported, after the image: "alpine-3.20-graph.svg" for
 * "docker.io/library/alpine:3.20", "layout-demo-files.csv" for "oci:/tmp/layout:demo".
 */
export function exportFileName(ref: string, what: string, extension: string): string {
  const withoutTransport = ref.replace(TRANSPORT, '').replace(/^\[[^\]]*\]/, '')
  const [beforeDigest = '', digest] = withoutTransport.split('@')
  const lastPart =
    beforeDigest
      .split('/')
      .filter((p) => p !== '')
      .pop() ?? ''
  const named = lastPart.replace(':', '-')
  const stem =
    digest !== undefined ? `${named}-${digest.replace(/^[a-z0-9]+:/, '').slice(0, 12)}` : named
  const safe = `${stem}-${what}`.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[-.]+|-+$/g, '')
  return `${safe || what}.${extension}`
}
