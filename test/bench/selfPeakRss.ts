// The peak resident set of the running process (all its threads), for the memory figures'
// child processes.

import { readFileSync } from 'node:fs'

/**
 * Peak resident set in KiB. Linux: VmHWM, the high-water mark of this process's own memory.
 * Not getrusage's maxrss there: across fork + exec it keeps the parent's resident set at the
 * fork, so a test runner that had just built a 360 MB layer made every child report 700 MB.
 * Elsewhere maxrss is all there is.
 */
export function selfPeakRssKiB(): number {
  try {
    const match = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'))
    if (match?.[1] !== undefined) return Number(match[1])
  } catch {
    // not Linux
  }
  return process.resourceUsage().maxRSS
}
