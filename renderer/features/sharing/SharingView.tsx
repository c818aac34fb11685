// The sharing view (placeholder until it is built).
import { EmptyState } from '../../components/Spinner'
import type { Route } from '../../routing/route'

export function SharingView({ route }: { readonly route: Route }) {
  return (
    <EmptyState title="Sharing view">
      Not built yet{route.ref ? ` for ${route.ref}` : ''}.
    </EmptyState>
  )
}
