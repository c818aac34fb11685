// The files view (placeholder until it is built).
import { EmptyState } from '../../components/Spinner'
import type { Route } from '../../routing/route'

export function FilesView({ route }: { readonly route: Route }) {
  return (
    <EmptyState title="Files view">Not built yet{route.ref ? ` for ${route.ref}` : ''}.</EmptyState>
  )
}
