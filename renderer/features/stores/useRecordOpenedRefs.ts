// Records every local source whose graph loaded, for "Recently opened". Watching the query
// cache (not the URL) means only what actually opened is remembered, never a typo, however it
// was opened: the Open box, the path field, a drop, a link or a pasted address.
import { useQueryClient } from '@tanstack/react-query'
import { useEffect } from 'react'
import type { AppInfo } from '../../../shared/api'
import { queryKeys } from '../../api/queryKeys'
import { rememberRecentRef } from './recentRefsStore'

export function useRecordOpenedRefs(): void {
  const queryClient = useQueryClient()
  useEffect(() => {
    const [scope, kind] = queryKeys.graph('')
    return queryClient.getQueryCache().subscribe((event) => {
      if (event.type !== 'updated' || event.action.type !== 'success') return
      const [keyScope, keyKind, ref] = event.query.queryKey as readonly unknown[]
      if (keyScope !== scope || keyKind !== kind || typeof ref !== 'string') return
      // The bundled sample opens by itself on first start; it is not something the user chose.
      const sampleRef = queryClient.getQueryData<AppInfo>(queryKeys.appInfo)?.sampleRef
      if (ref !== sampleRef) rememberRecentRef(ref)
    })
  }, [queryClient])
}
