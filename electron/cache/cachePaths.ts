// Where a digest lives inside a cache directory. Keys are validated digests, so a hostile
// "digest" (../../etc/passwd) never becomes a path: nothing is written outside the cache.

import { join } from 'node:path'
import { parseDigest } from '../../shared/digest'

/** `<root>/<algorithm>/<hex><suffix>`; throws BAD_INPUT for anything that is not a digest. */
export function digestPath(root: string, digest: string, suffix = ''): string {
  const { algorithm, encoded } = parseDigest(digest)
  return join(root, algorithm, `${encoded}${suffix}`)
}
