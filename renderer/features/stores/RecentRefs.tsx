// "Recently opened": the last local sources whose graph loaded (recentRefsStore.ts).
import { useTranslation } from 'react-i18next'
import { handleListKeys } from '../../components/listKeys'
import { useNavigate } from '../../routing/navigation'
import { recentRefLabel } from './recentRefs'
import { forgetRecentRefs, useRecentRefs } from './recentRefsStore'
import { useRecordOpenedRefs } from './useRecordOpenedRefs'

export function RecentRefs({ activeRef }: { readonly activeRef: string | undefined }) {
  useRecordOpenedRefs()
  const { t } = useTranslation('stores')
  const navigate = useNavigate()
  const refs = useRecentRefs()
  return (
    <section className="recent-refs" aria-labelledby="recent-refs-title">
      <div className="sidebar-heading-row">
        <h3 id="recent-refs-title" className="sidebar-subtitle">
          {t('recent.title')}
        </h3>
        {refs.length > 0 ? (
          <button
            type="button"
            className="link-button recent-clear"
            onClick={forgetRecentRefs}
            title={t('recent.forget')}
          >
            {t('recent.clear')}
          </button>
        ) : null}
      </div>
      {refs.length === 0 ? (
        <p className="sidebar-empty">{t('recent.empty')}</p>
      ) : (
        <ul className="recent-list" aria-label={t('recent.title')} onKeyDown={handleListKeys}>
          {refs.map((ref) => {
            const label = recentRefLabel(ref)
            const active = ref === activeRef
            return (
              <li key={ref} className={active ? 'recent-item active' : 'recent-item'}>
                <button
                  type="button"
                  className="recent-open"
                  data-testid="recent-ref"
                  data-ref={ref}
                  data-row-focus
                  aria-current={active ? 'page' : undefined}
                  title={ref}
                  onClick={() => navigate({ view: 'graph', ref })}
                >
                  {label ? (
                    <>
                      <span className="recent-name">
                        <span className="chip recent-transport">{label.transport}</span>{' '}
                        {label.name}
                      </span>
                      {label.where ? (
                        <span className="recent-where mono">{label.where}</span>
                      ) : null}
                    </>
                  ) : (
                    <span className="recent-name mono">{ref}</span>
                  )}
                </button>
              </li>
            )
          })}
        </ul>
      )}
    </section>
  )
}
