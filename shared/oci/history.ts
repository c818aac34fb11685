// A config's history steps in the words a Dockerfile would use. Pure; the graph (image/) and
// the config diff (compare/) both word steps this way.

import type { HistoryEntry } from './types'

/** "RUN apk add curl" from "/bin/sh -c apk add curl", "ENV X=1" from "/bin/sh -c #(nop) ENV X=1". */
export function describeStep(entry: HistoryEntry): string {
  const raw = (entry.created_by ?? entry.comment ?? '(no history text)').trim()
  const nop = /^\/bin\/sh -c #\(nop\)\s*/
  if (nop.test(raw)) return raw.replace(nop, '')
  const shell = /^\/bin\/sh -c\s+/
  if (shell.test(raw)) return `RUN ${raw.replace(shell, '')}`
  return raw
}
