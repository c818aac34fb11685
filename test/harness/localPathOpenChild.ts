// Child-process entry for the hostile local path tests: opens one local source reference the
// way the app does (openLocalSource, then the root manifest), and prints what happened and the
// process's peak resident set as JSON on stdout, so a test can tell "refused at once" from
// "read /dev/zero until memory ran out" without risking its own process.
// Usage: node --import tsx test/harness/localPathOpenChild.ts SOURCE_REF

import { StrataError } from '../../shared/errors'
import { parseSourceRef } from '../../shared/sourceRef'
import { openLocalSource } from '../../electron/stores/openLocalSource'

export interface LocalPathOpenResult {
  /** "ok", or the StrataError code ("UNCAUGHT" for anything else). */
  readonly code: string
  readonly message: string
  readonly elapsedMs: number
  readonly maxRssMiB: number
}

async function main(): Promise<void> {
  const input = process.argv[2]
  if (input === undefined) throw new StrataError('BAD_INPUT', 'usage: localPathOpenChild REF')
  const started = Date.now()
  let code = 'ok'
  let message = ''
  try {
    const ref = parseSourceRef(input)
    if (ref.transport === 'docker') throw new StrataError('BAD_INPUT', 'a local reference only')
    const source = await openLocalSource(ref)
    await source.fetchManifest(await source.resolve())
  } catch (error) {
    code = error instanceof StrataError ? error.code : 'UNCAUGHT'
    message = error instanceof Error ? error.message : String(error)
  }
  const result: LocalPathOpenResult = {
    code,
    message,
    elapsedMs: Date.now() - started,
    // resourceUsage().maxRSS is in KiB: the peak, not what is left after a collection.
    maxRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
  }
  process.stdout.write(JSON.stringify(result))
}

await main()
