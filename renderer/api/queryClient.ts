import { QueryClient } from '@tanstack/react-query'
import { shouldRetry } from './retryPolicy'

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Registry content addressed by digest never changes; tags move, but not second to second.
        staleTime: 60_000,
        gcTime: 10 * 60_000,
        retry: shouldRetry,
        refetchOnWindowFocus: false,
      },
      mutations: { retry: false },
    },
  })
}
