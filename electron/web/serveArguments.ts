// Command line of web mode: `--port N` (0 or absent: a free port).

import { StrataError } from '../../shared/errors'

export interface ServeArguments {
  readonly port: number
}

export function parseServeArguments(argv: readonly string[]): ServeArguments {
  let port = 0
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? ''
    const inline = /^--port=(.*)$/.exec(arg)
    if (arg === '--port' || inline) {
      const value = inline ? inline[1] : argv[(i += 1)]
      port = Number(value)
      if (!Number.isInteger(port) || port < 0 || port > 65535) {
        throw new StrataError(
          'BAD_INPUT',
          `--port needs a number from 0 to 65535, not "${value ?? ''}".`,
        )
      }
    } else {
      throw new StrataError(
        'BAD_INPUT',
        `Unknown argument "${arg}". Usage: npm run serve -- [--port N]`,
      )
    }
  }
  return { port }
}
