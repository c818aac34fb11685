// The sidebar's "This machine": the image stores found here (stores:discover), a path to open,
// and what was opened recently.
import '../../styles/stores.css'
import { ErrorPanel } from '../../components/ErrorPanel'
import { Spinner } from '../../components/Spinner'
import type { Route } from '../../routing/route'
import { LocalStoreItem } from './LocalStoreItem'
import { OpenPathForm } from './OpenPathForm'
import { RecentRefs } from './RecentRefs'
import { storageViewRef } from './storeText'
import { useLocalStores } from './storeQueries'

export function LocalStoresSection({ route }: { readonly route: Route }) {
  const stores = useLocalStores()
  const activeRef = route.view === 'graph' ? route.ref : undefined
  return (
    <section className="local-stores" aria-labelledby="local-stores-title">
      <div className="sidebar-heading-row">
        <h3 id="local-stores-title" className="sidebar-subtitle">
          This machine
        </h3>
        <button
          type="button"
          className={
            stores.isFetching ? 'icon-button refresh-button busy' : 'icon-button refresh-button'
          }
          data-testid="local-stores-refresh"
          aria-label="Look for local stores again"
          title="Look for local stores again"
          disabled={stores.isFetching}
          onClick={() => void stores.refetch()}
        >
          ↻
        </button>
      </div>
      {stores.isPending ? (
        <Spinner label="Looking for local stores…" />
      ) : stores.isError ? (
        <ErrorPanel compact error={stores.error} onRetry={() => void stores.refetch()} />
      ) : stores.data.length === 0 ? (
        <p className="sidebar-empty" data-testid="no-local-stores">
          No local stores found.
        </p>
      ) : (
        <ul className="local-store-list" aria-label="Local image stores">
          {stores.data.map((store) => (
            <LocalStoreItem
              key={`${store.kind} ${store.location} ${store.namespace ?? ''}`}
              store={store}
              activeRef={activeRef}
              storageActive={route.view === 'storage' && route.ref === storageViewRef(store)}
            />
          ))}
        </ul>
      )}
      <OpenPathForm />
      <RecentRefs activeRef={activeRef} />
    </section>
  )
}
