// Query keys and queries for local stores, beside the ones in api/queryKeys.ts.
import { useQuery } from '@tanstack/react-query'
import { call } from '../../api/client'

export const storeKeys = {
  discover: ['stores', 'discover'] as const,
  storage: (ref: string | undefined) => ['stores', 'storage', ref ?? ''] as const,
}

/** What local stores exist. Cheap enough to ask again when the user presses refresh. */
export function useLocalStores() {
  return useQuery({
    queryKey: storeKeys.discover,
    queryFn: ({ signal }) => call('stores:discover', {}, signal),
    staleTime: 30_000,
  })
}
