// The progress of long work this view started (recording a repository, computing sharing,
// diffing files): while `active`, the most recently updated operation in the shared progress
// store, optionally only one whose label mentions `subject`. Calls carry no operation id, so
// the label is how we recognise ours.
import type { ProgressState } from '../api/useApiEvents'
import { useProgress } from '../api/useApiEvents'

export function useOperationProgress(active: boolean, subject?: string): ProgressState | undefined {
  const running = useProgress()
  if (!active) return undefined
  let latest: ProgressState | undefined
  for (const state of running) {
    if (subject !== undefined && !state.event.label.includes(subject)) continue
    if (!latest || state.updatedAt > latest.updatedAt) latest = state
  }
  return latest
}
