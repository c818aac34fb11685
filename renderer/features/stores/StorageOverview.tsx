// Where a podman store lives and how its graph root is laid out, with this store's real paths.
import { useTranslation } from 'react-i18next'
import type { StorageView } from '../../../shared/api/stores'
import { CopyButton } from '../../components/CopyButton'
import { diskLayout } from './storageModel'

export function StorageOverview({ view }: { readonly view: StorageView }) {
  const { t } = useTranslation('stores')
  return (
    <section className="storage-section" id="storage-overview" aria-labelledby="overview-title">
      <h3 id="overview-title" className="storage-heading">
        {t('storage.sectionOverview')}
      </h3>
      <dl className="storage-facts">
        <dt>{t('overview.graphRoot')}</dt>
        <dd>
          <PathValue path={view.graphRoot} what={t('overview.graphRoot')} />
          <span className="hint">{t('overview.graphRootHint')}</span>
        </dd>
        <dt>{t('overview.runRoot')}</dt>
        <dd>
          <PathValue path={view.runRoot} what={t('overview.runRoot')} />
          <span className="hint">{t('overview.runRootHint')}</span>
        </dd>
        <dt>{t('overview.driver')}</dt>
        <dd>
          <code>{view.driver}</code>
          <span className="hint">
            {view.driver === 'overlay' ? t('overview.overlayHint') : t('overview.vfsHint')}
          </span>
        </dd>
        <dt>{t('overview.configFile')}</dt>
        <dd>
          {view.configFiles.length > 0 ? (
            <ul className="plain-list">
              {view.configFiles.map((file) => (
                <li key={file}>
                  <PathValue path={file} what={t('overview.configPath')} />
                </li>
              ))}
            </ul>
          ) : (
            <span className="muted">{t('overview.noConfig')}</span>
          )}
          <span className="hint">{t('overview.configHint')}</span>
        </dd>
        <dt>{t('overview.holds')}</dt>
        <dd>
          {t('overview.images', { count: view.images.length })} ·{' '}
          {t('overview.layers', { count: view.layers.length })} ·{' '}
          {t('overview.containers', { count: view.containers.length })}
        </dd>
      </dl>
      <div className="disk-layout" aria-label={t('overview.layoutLabel')}>
        <p className="disk-root mono">{view.graphRoot}/</p>
        <ul>
          {diskLayout(view).map((entry) => (
            <li key={`${entry.depth} ${entry.name}`} className={`disk-entry depth-${entry.depth}`}>
              <span className="disk-name mono">{entry.name}</span>
              <span className="disk-what">{entry.what}</span>
            </li>
          ))}
        </ul>
      </div>
    </section>
  )
}

export function PathValue({ path, what }: { readonly path: string; readonly what: string }) {
  return (
    <span className="path-value">
      <code>{path}</code>
      <CopyButton text={path} what={what} />
    </span>
  )
}
