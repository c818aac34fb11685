// The details panel for the container node: what `docker ps -a -s` or containers.json say about
// it (name, ID, state, image, writable-layer and virtual sizes) and what its writable layer is.
import { useTranslation } from 'react-i18next'
import type { ContainerInfo } from '../../../shared/api'
import { useFormat } from '../../i18n/useFormat'
import { Fact } from './DetailParts'

export function ContainerDetails({ container }: { readonly container: ContainerInfo }) {
  const { t } = useTranslation('image')
  const format = useFormat()
  return (
    <section data-testid="container-details" data-id={container.id}>
      <h2 className="details-title">{t('container.label')}</h2>
      <dl className="facts">
        <Fact name={t('container.name')}>
          <span data-testid="container-name">{container.name}</span>
        </Fact>
        <Fact name={t('container.id')}>
          <span className="mono wrap-words">{container.id}</span>
        </Fact>
        {container.state !== undefined ? (
          <Fact name={t('container.state')}>
            <span data-testid="container-state">{container.state}</span>
          </Fact>
        ) : null}
        <Fact name={t('container.image')}>
          <span className="mono wrap-words" data-testid="container-image">
            {container.image}
          </span>
        </Fact>
        {container.sizeRw !== undefined ? (
          <Fact name={t('container.writable')}>
            <span data-testid="container-size">{format.size(container.sizeRw)}</span>
          </Fact>
        ) : null}
        {container.sizeRootFs !== undefined ? (
          <Fact name={t('container.virtual')}>
            <span data-testid="container-virtual">{format.size(container.sizeRootFs)}</span>
          </Fact>
        ) : null}
      </dl>
      <p className="muted" data-testid="container-live">
        {t('container.live')}
      </p>
    </section>
  )
}
