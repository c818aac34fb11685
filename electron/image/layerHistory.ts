// Maps config.history onto layers: history entries marked empty_layer produced no layer, every
// other entry produced the next layer in order. Returns, per layer index, the steps that led
// to it (the empty steps since the previous layer plus the step that made it).

import { describeStep } from '../../shared/oci/history'
import type { HistoryEntry } from '../../shared/oci/types'

// The graph's unit test reaches describeStep here.
export { describeStep }

export interface LayerSteps {
  readonly steps: readonly string[]
}

export function stepsPerLayer(
  history: readonly HistoryEntry[] | undefined,
  layerCount: number,
): readonly (readonly string[])[] {
  const result: string[][] = Array.from({ length: layerCount }, () => [])
  if (!history) return result
  let pending: string[] = []
  let layerIndex = 0
  for (const entry of history) {
    const step = describeStep(entry)
    if (entry.empty_layer === true) {
      pending.push(step)
      continue
    }
    const bucket = result[layerIndex]
    if (bucket) bucket.push(...pending, step)
    pending = []
    layerIndex += 1
  }
  return result
}
