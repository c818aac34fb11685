// The history view (placeholder until it is built).
import { EmptyState } from '../../components/Spinner'
import type { Route } from '../../routing/route'

export function HistoryView({ route }: { readonly route: Route }) {
  return (
    <EmptyState title="History view">
      Not built yet{route.ref ? ` for ${route.ref}` : ''}.
    </EmptyState>
  )
}
