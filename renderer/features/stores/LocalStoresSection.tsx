// The sidebar's "This machine": the image stores found here (stores:discover), a path to open,
// and what was opened recently.
import '../../styles/stores.css'
import { useTranslation } from 'react-i18next'
import { ErrorPanel } from '../../components/ErrorPanel'
import { Spinner } from '../../components/Spinner'
import type { Route } from '../../routing/route'
import { LocalStoreItem } from './LocalStoreItem'
import { OpenPathForm } from './OpenPathForm'
import { RecentRefs } from './RecentRefs'
import { storageViewRef } from './storeText'
import { useLocalStores } from './storeQueries'

/** A symbol, the same in every language; the button's label says what it does. */
const REFRESH_ICON = '↻'

export function LocalStoresSection({ route }: { readonly route: Route }) {
  const { t } = useTranslation('stores')
  const stores = useLocalStores()
  const activeRef = route.view === 'graph' ? route.ref : undefined
  return (
    <section className="local-stores" aria-labelledby="local-stores-title">
      <div className="sidebar-heading-row">
        <h3 id="local-stores-title" className="sidebar-subtitle">
          {t('sidebar.title')}
        </h3>
        <button
          type="button"
          className={
            stores.isFetching ? 'icon-button refresh-button busy' : 'icon-button refresh-button'
          }
          data-testid="local-stores-refresh"
          aria-label={t('sidebar.refresh')}
          title={t('sidebar.refresh')}
          disabled={stores.isFetching}
          onClick={() => void stores.refetch()}
        >
          {REFRESH_ICON}
        </button>
      </div>
      {stores.isPending ? (
        <Spinner label={t('sidebar.looking')} />
      ) : stores.isError ? (
        <ErrorPanel compact error={stores.error} onRetry={() => void stores.refetch()} />
      ) : stores.data.length === 0 ? (
        <p className="sidebar-empty" data-testid="no-local-stores">
          {t('sidebar.none')}
        </p>
      ) : (
        <ul className="local-store-list" aria-label={t('sidebar.listLabel')}>
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
