// The compare view (placeholder until it is built).
import { EmptyState } from '../../components/Spinner'
import type { Route } from '../../routing/route'

export function CompareView({ route }: { readonly route: Route }) {
  return (
    <EmptyState title="Compare view">
      Not built yet{route.ref ? ` for ${route.ref}` : ''}.
    </EmptyState>
  )
}
