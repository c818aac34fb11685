// The progress of long work this view started (recording a repository, computing sharing,
// diffing files): the newest progress event seen while `active`, optionally only those whose
// label mentions `subject`. Calls carry no operation id, so the label is how we recognise ours.
import { useEffect, useState } from 'react'
import type { ProgressEvent } from '../../../shared/api'
import { onApiEvent } from '../../api/client'

export function useOperationProgress(active: boolean, subject?: string): ProgressEvent | undefined {
  const [latest, setLatest] = useState<ProgressEvent | undefined>(undefined)
  useEffect(() => {
    if (!active) return
    const unsubscribe = onApiEvent((event) => {
      if (event.type !== 'progress') return
      if (subject !== undefined && !event.label.includes(subject)) return
      setLatest(event.done ? undefined : event)
    })
    return () => {
      unsubscribe()
      setLatest(undefined)
    }
  }, [active, subject])
  return active ? latest : undefined
}

/** "12 of 40 tags", "3.1 MiB of 10 MiB": the event's count in words. */
export function progressText(event: ProgressEvent, formatBytes: (n: number) => string): string {
  const items = event.unit === 'items'
  const show = (n: number): string => (items ? String(n) : formatBytes(n))
  const total = event.totalBytes !== undefined ? ` of ${show(event.totalBytes)}` : ''
  return `${event.label}: ${show(event.doneBytes)}${total}`
}
