// The container a graph was opened for, drawn above the image it stands on: its name, state,
// image, the size of its writable layer and the virtual size with the image. The writable
// layer is the image's top layer in the graph and the Files view, labelled as a live layer.
import { useTranslation } from 'react-i18next'
import type { ContainerInfo } from '../../../shared/api'
import { useFormat } from '../../i18n/useFormat'

export function ContainerCard({ container }: { readonly container: ContainerInfo }) {
  const { t } = useTranslation('stores')
  const format = useFormat()
  return (
    <aside className="container-card" data-testid="graph-container" data-id={container.id}>
      <p className="container-card-title">
        {t('containers.card.title', { name: container.name })}
        {container.state !== undefined ? (
          <span className="badge" data-testid="graph-container-state">
            {container.state}
          </span>
        ) : null}
      </p>
      <p className="muted">{t('containers.card.onImage', { image: container.image })}</p>
      <dl className="container-card-sizes">
        {container.sizeRw !== undefined ? (
          <>
            <dt>{t('containers.card.writable')}</dt>
            <dd data-testid="graph-container-size">{format.size(container.sizeRw)}</dd>
          </>
        ) : null}
        {container.sizeRootFs !== undefined ? (
          <>
            <dt>{t('containers.card.virtual')}</dt>
            <dd data-testid="graph-container-virtual">{format.size(container.sizeRootFs)}</dd>
          </>
        ) : null}
      </dl>
      <p className="muted">{t('containers.card.live')}</p>
    </aside>
  )
}
