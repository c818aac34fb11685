// Events arrive as JSON text (EventSource in web mode); only the shapes shared/api/ declares
// are passed on.
import type { ApiEvent } from '../../shared/api'

export function parseEvent(data: string): ApiEvent | undefined {
  try {
    const value: unknown = JSON.parse(data)
    if (typeof value !== 'object' || value === null || !('type' in value)) return undefined
    if (value.type === 'progress' || value.type === 'invalidate') return value as ApiEvent
  } catch {
    // A malformed event is dropped; the next query refresh shows the real state.
  }
  return undefined
}
