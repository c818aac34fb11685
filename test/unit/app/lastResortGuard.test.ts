// The last-resort guard (electron/app/lastResortGuard.ts): a failure nobody caught fails the
// operation it came from with INTERNAL naming it, is logged without secrets, and does not end
// the process. The first tests drive the guard through a stand-in for `process`; the last runs
// it for real in a child process and checks that process keeps going.

import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { EventEmitter } from 'node:events'
import path from 'node:path'
import { PassThrough } from 'node:stream'
import { StrataError } from '../../../shared/errors'
import {
  guardHandlerTable,
  installLastResortGuard,
  redactSecrets,
  runGuarded,
} from '../../../electron/app/lastResortGuard'
import type { HandlerTable } from '../../../electron/api/handlerTable'
import { dispatchCall } from '../../../electron/api/handlerTable'

function standIn(): { events: EventEmitter; lines: string[]; uninstall: () => void } {
  const events = new EventEmitter()
  const lines: string[] = []
  const uninstall = installLastResortGuard({ events, log: (line) => lines.push(line) })
  return { events, lines, uninstall }
}

async function rejection(promise: Promise<unknown>): Promise<StrataError> {
  try {
    await promise
  } catch (error) {
    assert.ok(error instanceof StrataError, String(error))
    return error
  }
  throw new Error('the operation did not fail')
}

describe('last-resort guard', () => {
  it('fails the operation an uncaught stream error came from, with INTERNAL naming it', async () => {
    const { events, lines, uninstall } = standIn()
    const other = runGuarded('other:op', () => new Promise((r) => setTimeout(() => r('fine'), 50)))
    const failing = runGuarded('layers:index', () => {
      const stream = new PassThrough()
      // An 'error' with no listener: in a real process this is an uncaught exception.
      setTimeout(() => {
        try {
          stream.emit('error', new Error('socket reset by peer'))
        } catch (error) {
          events.emit('uncaughtException', error)
        }
      }, 5)
      return new Promise<never>(() => undefined) // work that would never finish on its own
    })
    const error = await rejection(failing)
    assert.equal(error.code, 'INTERNAL')
    assert.match(error.message, /^layers:index failed unexpectedly: .*socket reset by peer/)
    assert.equal(error.detail?.subject, 'layers:index')
    assert.equal(await other, 'fine', 'other operations are untouched')
    assert.equal(lines.length, 1)
    assert.match(lines[0] ?? '', /uncaught exception in layers:index \(kept running\)/)
    uninstall()
    assert.equal(events.listenerCount('uncaughtException'), 0)
    assert.equal(events.listenerCount('unhandledRejection'), 0)
  })

  it('pins an unhandled rejection on its operation; outside one it only logs', async () => {
    const { events, lines, uninstall } = standIn()
    const failing = runGuarded('image:graph', () => {
      setTimeout(() => events.emit('unhandledRejection', new Error('nobody awaited me')), 5)
      return new Promise<never>(() => undefined)
    })
    const error = await rejection(failing)
    assert.equal(error.code, 'INTERNAL')
    assert.match(error.message, /image:graph/)
    events.emit('uncaughtException', new Error('stray'))
    assert.match(lines[1] ?? '', /uncaught exception outside any operation.*stray/)
    uninstall()
  })

  it('leaves settled operations alone and passes results and errors through', async () => {
    const { events, lines, uninstall } = standIn()
    let emitLater: () => void = () => undefined
    const value = await runGuarded('app:info', () => {
      emitLater = () => events.emit('uncaughtException', new Error('late'))
      return Promise.resolve(42)
    })
    assert.equal(value, 42)
    emitLater() // same scope, but the operation already finished
    assert.match(lines[0] ?? '', /outside any operation/)
    const own = await rejection(
      runGuarded('files:read', () => Promise.reject(new StrataError('NOT_FOUND', 'no such file'))),
    )
    assert.equal(own.code, 'NOT_FOUND')
    uninstall()
  })

  it('wraps every handler of a table, so dispatch returns the INTERNAL envelope', async () => {
    const { events, uninstall } = standIn()
    const table = guardHandlerTable({
      'app:info': () => {
        setTimeout(() => events.emit('uncaughtException', new Error('boom')), 5)
        return new Promise<never>(() => undefined)
      },
    } as unknown as HandlerTable)
    const result = await dispatchCall(
      table,
      'app:info',
      {},
      {
        signal: new AbortController().signal,
        emit: () => undefined,
      },
    )
    assert.equal(result.ok, false)
    assert.equal(result.ok ? '' : result.error.code, 'INTERNAL')
    assert.match(result.ok ? '' : result.error.message, /app:info failed unexpectedly: boom/)
    uninstall()
  })

  it('never logs credentials or tokens', async () => {
    const { events, lines, uninstall } = standIn()
    const leaky = new Error(
      'GET https://alice:hunter2@registry.example/v2/?token=abc123 failed; Authorization: Bearer eyJhbGciOi.secret.sig; password=pa55',
    )
    await rejection(
      runGuarded('registry:listTags', () => {
        setTimeout(() => events.emit('uncaughtException', leaky), 5)
        return new Promise<never>(() => undefined)
      }).catch((error: unknown) => {
        assert.doesNotMatch(String(error), /hunter2|abc123|eyJhbGciOi|pa55/)
        throw error
      }),
    )
    const line = lines.join('\n')
    for (const secret of ['hunter2', 'abc123', 'eyJhbGciOi', 'pa55']) {
      assert.ok(!line.includes(secret), `log leaks ${secret}: ${line}`)
    }
    assert.match(line, /\[redacted\]/)
    assert.equal(redactSecrets('Basic dXNlcjpwYXNz'), 'Basic [redacted]')
    uninstall()
  })

  it('keeps a real process running after an uncaught error (child process)', async () => {
    const guard = path.resolve(
      import.meta.dirname,
      '..',
      '..',
      '..',
      'electron',
      'app',
      'lastResortGuard.ts',
    )
    const script = `
      import { installLastResortGuard } from ${JSON.stringify(guard)}
      import { PassThrough } from 'node:stream'
      installLastResortGuard()
      setTimeout(() => new PassThrough().emit('error', new Error('no listener')), 5)
      setTimeout(() => Promise.reject(new Error('nobody awaits')), 10)
      setTimeout(() => console.log('still alive'), 100)
    `
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '-e', script],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    )
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve))
    assert.equal(code, 0, stderr)
    assert.match(stdout, /still alive/)
    assert.match(stderr, /uncaught exception outside any operation.*no listener/)
    assert.match(stderr, /unhandled rejection outside any operation.*nobody awaits/)
  })
})
