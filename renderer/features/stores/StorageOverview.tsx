// Where a podman store lives and how its graph root is laid out, with this store's real paths.
import type { StorageView } from '../../../shared/api/stores'
import { CopyButton } from '../../components/CopyButton'
import { diskLayout } from './storageModel'

export function StorageOverview({ view }: { readonly view: StorageView }) {
  return (
    <section className="storage-section" id="storage-overview" aria-labelledby="overview-title">
      <h3 id="overview-title" className="storage-heading">
        Where it lives
      </h3>
      <dl className="storage-facts">
        <dt>graph root</dt>
        <dd>
          <PathValue path={view.graphRoot} what="graph root" />
          <span className="hint">images, layers and containers; kept across reboots</span>
        </dd>
        <dt>run root</dt>
        <dd>
          <PathValue path={view.runRoot} what="run root" />
          <span className="hint">locks and mount state; usually a tmpfs, gone at reboot</span>
        </dd>
        <dt>driver</dt>
        <dd>
          <code>{view.driver}</code>
          <span className="hint">
            {view.driver === 'overlay'
              ? 'each layer is a directory of its changes; overlayfs stacks them into one tree'
              : 'each layer is a full copy of the filesystem up to it (simple, and large)'}
          </span>
        </dd>
        <dt>storage.conf</dt>
        <dd>
          {view.configFiles.length > 0 ? (
            <ul className="plain-list">
              {view.configFiles.map((file) => (
                <li key={file}>
                  <PathValue path={file} what="storage.conf path" />
                </li>
              ))}
            </ul>
          ) : (
            <span className="muted">none: this store was named explicitly (driver@graph+run)</span>
          )}
          <span className="hint">its driver and graphroot settings chose this store</span>
        </dd>
        <dt>holds</dt>
        <dd>
          {view.images.length} {view.images.length === 1 ? 'image' : 'images'} ·{' '}
          {view.layers.length} {view.layers.length === 1 ? 'layer' : 'layers'} ·{' '}
          {view.containers.length} {view.containers.length === 1 ? 'container' : 'containers'}
        </dd>
      </dl>
      <div className="disk-layout" aria-label="Layout of the graph root">
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
