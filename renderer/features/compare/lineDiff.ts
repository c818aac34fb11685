// A line diff (Myers' O(ND) algorithm), for showing two versions of a text file side by side.
// Capped: files with more lines than MAX_LINES, or more than MAX_EDITS differences, are not
// aligned (the caller shows them unaligned). Pure, so it is unit-tested.

export type LineEdit =
  | { readonly op: 'same'; readonly left: number; readonly right: number }
  | { readonly op: 'removed'; readonly left: number }
  | { readonly op: 'added'; readonly right: number }

export const MAX_LINES = 20_000
export const MAX_EDITS = 4_000

/**
 * The edits turning `a` into `b`, in order (0-based line numbers), or undefined when the
 * inputs exceed the caps. Common prefix and suffix are matched first, which keeps the
 * expensive part to the lines that actually differ.
 */
export function diffLines(
  a: readonly string[],
  b: readonly string[],
  maxEdits = MAX_EDITS,
): LineEdit[] | undefined {
  if (a.length > MAX_LINES || b.length > MAX_LINES) return undefined
  let start = 0
  while (start < a.length && start < b.length && a[start] === b[start]) start++
  let endA = a.length
  let endB = b.length
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--
    endB--
  }
  const middle = myers(a.slice(start, endA), b.slice(start, endB), maxEdits)
  if (!middle) return undefined
  const edits: LineEdit[] = []
  for (let i = 0; i < start; i++) edits.push({ op: 'same', left: i, right: i })
  for (const edit of middle) {
    if (edit.op === 'same')
      edits.push({ op: 'same', left: edit.left + start, right: edit.right + start })
    else if (edit.op === 'removed') edits.push({ op: 'removed', left: edit.left + start })
    else edits.push({ op: 'added', right: edit.right + start })
  }
  for (let i = 0; endA + i < a.length; i++) {
    edits.push({ op: 'same', left: endA + i, right: endB + i })
  }
  return edits
}

function myers(
  a: readonly string[],
  b: readonly string[],
  maxEdits: number,
): LineEdit[] | undefined {
  const n = a.length
  const m = b.length
  const max = n + m
  const offset = max + 1
  const v = new Int32Array(2 * max + 3)
  // v as it was before each round d, for k in [-d-1, d+1] (what backtracking reads).
  const trace: Int32Array[] = []
  let found = -1
  for (let d = 0; d <= Math.min(max, maxEdits); d++) {
    trace.push(v.slice(offset - d - 1, offset + d + 2))
    for (let k = -d; k <= d; k += 2) {
      const down = k === -d || (k !== d && (v[offset + k - 1] ?? 0) < (v[offset + k + 1] ?? 0))
      let x = down ? (v[offset + k + 1] ?? 0) : (v[offset + k - 1] ?? 0) + 1
      let y = x - k
      while (x < n && y < m && a[x] === b[y]) {
        x++
        y++
      }
      v[offset + k] = x
      if (x >= n && y >= m) {
        found = d
        break
      }
    }
    if (found >= 0) break
  }
  if (found < 0) return undefined
  const reversed: LineEdit[] = []
  let x = n
  let y = m
  for (let d = found; d > 0; d--) {
    const before = trace[d]
    if (!before) break
    const at = (k: number): number => before[k + d + 1] ?? 0
    const k = x - y
    const down = k === -d || (k !== d && at(k - 1) < at(k + 1))
    const prevK = down ? k + 1 : k - 1
    const prevX = at(prevK)
    const prevY = prevX - prevK
    while (x > prevX && y > prevY) {
      x--
      y--
      reversed.push({ op: 'same', left: x, right: y })
    }
    if (down) reversed.push({ op: 'added', right: prevY })
    else reversed.push({ op: 'removed', left: prevX })
    x = prevX
    y = prevY
  }
  while (x > 0 && y > 0) {
    x--
    y--
    reversed.push({ op: 'same', left: x, right: y })
  }
  return reversed.reverse()
}

export interface SideBySideRow {
  readonly kind: 'same' | 'changed' | 'removed' | 'added'
  /** 0-based line numbers, absent where that side has no line in this row. */
  readonly left?: number
  readonly right?: number
}

/**
 * Rows for two columns: unchanged lines side by side; a run of removals followed by additions
 * paired up as "changed" rows, the surplus of either shown against an empty cell.
 */
export function sideBySideRows(edits: readonly LineEdit[]): SideBySideRow[] {
  const rows: SideBySideRow[] = []
  let removed: number[] = []
  let added: number[] = []
  const flush = (): void => {
    const pairs = Math.max(removed.length, added.length)
    for (let i = 0; i < pairs; i++) {
      const left = removed[i]
      const right = added[i]
      const kind =
        left !== undefined && right !== undefined
          ? 'changed'
          : left !== undefined
            ? 'removed'
            : 'added'
      rows.push({
        kind,
        ...(left !== undefined && { left }),
        ...(right !== undefined && { right }),
      })
    }
    removed = []
    added = []
  }
  for (const edit of edits) {
    if (edit.op === 'same') {
      flush()
      rows.push({ kind: 'same', left: edit.left, right: edit.right })
    } else if (edit.op === 'removed') {
      if (added.length > 0) flush()
      removed.push(edit.left)
    } else added.push(edit.right)
  }
  flush()
  return rows
}

/** Splits text into lines the way editors show them ("a\nb\n" is two lines, not three). */
export function splitLines(text: string): string[] {
  const lines = text.split(/\r?\n/)
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop()
  return lines
}
