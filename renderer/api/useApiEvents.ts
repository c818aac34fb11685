// Main pushes events; the renderer invalidates queries instead of polling (DESIGN.md).
import { useQueryClient } from '@tanstack/react-query'
import { useEffect, useState } from 'react'
import type { ProgressEvent } from '../../shared/api'
import { onApiEvent } from './client'
import { queryKeys } from './queryKeys'

/** Subscribes for the app's lifetime; returns the operations currently reporting progress. */
export function useApiEvents(): readonly ProgressEvent[] {
  const queryClient = useQueryClient()
  const [progress, setProgress] = useState<ReadonlyMap<string, ProgressEvent>>(new Map())

  useEffect(() => {
    return onApiEvent((event) => {
      if (event.type === 'invalidate') {
        void queryClient.invalidateQueries({ queryKey: queryKeys.registries })
        return
      }
      setProgress((current) => {
        const next = new Map(current)
        const done = event.totalBytes !== undefined && event.doneBytes >= event.totalBytes
        if (done) next.delete(event.operationId)
        else next.set(event.operationId, event)
        return next
      })
    })
  }, [queryClient])

  return [...progress.values()]
}
