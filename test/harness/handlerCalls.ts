// Calling the api handler table directly, as both transports do, for integration tests.

import assert from 'node:assert/strict'
import type { ApiEvent, ArgsOf, LayerEntry, OperationName, ResultOf } from '../../shared/api'
import type { ApiResult } from '../../shared/errors'
import { dispatchCall, type HandlerTable } from '../../electron/api/handlerTable'

/** The operation's value; throws with the error code and message when it fails. */
export async function callHandler<N extends OperationName>(
  table: HandlerTable,
  name: N,
  args: ArgsOf<N>,
  emit: (event: ApiEvent) => void = () => undefined,
): Promise<ResultOf<N>> {
  const result = (await dispatchCall(table, name, args, {
    signal: new AbortController().signal,
    emit,
  })) as ApiResult<ResultOf<N>>
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`)
  return result.value
}

/** The error code of a call that must fail (untyped arguments on purpose). */
export async function callHandlerError(
  table: HandlerTable,
  name: OperationName,
  args: unknown,
): Promise<string> {
  const result = await dispatchCall(table, name, args, {
    signal: new AbortController().signal,
    emit: () => undefined,
  })
  assert.equal(result.ok, false, `${name} should fail`)
  return result.ok ? '' : result.error.code
}

/** Every entry of one layer (`layer` = a 1-based position), paging files:list recursively. */
export async function listLayerEntries(
  table: HandlerTable,
  ref: string,
  layer: string,
): Promise<LayerEntry[]> {
  const entries: LayerEntry[] = []
  let cursor: string | undefined
  do {
    const page = await callHandler(table, 'files:list', {
      ref,
      layer,
      path: '/',
      recursive: true,
      limit: 5000,
      ...(cursor === undefined ? {} : { cursor }),
    })
    for (const item of page.items) if (item.entry !== undefined) entries.push(item.entry)
    cursor = page.next
  } while (cursor !== undefined)
  return entries
}
