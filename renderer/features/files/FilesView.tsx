// The files view (URL `view=files`): the layers of an image, the tree of its filesystem as of
// the chosen layer (`layer=`, absent = the whole image), and the file or directory `path=`
// names. Without `ref`, the bundled sample.
import { useQuery } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { call } from '../../api/client'
import { queryKeys } from '../../api/queryKeys'
import { ErrorPanel } from '../../components/ErrorPanel'
import { EmptyState, LoadingBlock } from '../../components/Spinner'
import { ImageViewTabs } from '../../components/ImageViewTabs'
import { registryOfSource } from '../../routing/refs'
import type { Route } from '../../routing/route'
import '../../styles/files.css'
import '../../styles/file-viewer.css'
import { CacheControls } from './CacheControls'
import { FilesBrowser } from './FilesBrowser'
import { filesImageOf, platformsOf } from './imageLayers'
import { sourceKindText } from '../../components/sourceKindText'
import { PlatformSelect } from './PlatformSelect'

export function FilesView({ route }: { readonly route: Route }) {
  const { t } = useTranslation('files')
  const info = useQuery({
    queryKey: queryKeys.appInfo,
    queryFn: ({ signal }) => call('app:info', {}, signal),
    staleTime: Infinity,
    enabled: route.ref === undefined,
  })
  if (route.ref) return <FilesOfImage imageRef={route.ref} route={route} />
  if (info.isPending) return <LoadingBlock label={t('view.starting')} />
  if (info.isError) return <ErrorPanel error={info.error} onRetry={() => void info.refetch()} />
  return <FilesOfImage imageRef={info.data.sampleRef} route={route} />
}

function FilesOfImage({ imageRef, route }: { readonly imageRef: string; readonly route: Route }) {
  const { t } = useTranslation('files')
  const graph = useQuery({
    queryKey: queryKeys.graph(imageRef),
    queryFn: ({ signal }) => call('image:graph', { ref: imageRef }, signal),
  })
  const image = graph.data ? filesImageOf(graph.data, route.platform) : undefined
  const platforms = graph.data ? platformsOf(graph.data) : []
  let body: ReactNode
  if (graph.isPending) body = <LoadingBlock label={t('view.reading', { ref: imageRef })} />
  else if (graph.isError) {
    body = (
      <ErrorPanel
        error={graph.error}
        host={registryOfSource(imageRef)}
        onRetry={() => void graph.refetch()}
      />
    )
  } else if (!image && route.platform !== undefined && platforms.length > 0) {
    body = (
      <EmptyState
        title={t('view.noPlatformTitle', { platform: route.platform })}
        testId="files-no-platform"
      >
        {t('view.noPlatform', { platforms: platforms.join(', ') })}
      </EmptyState>
    )
  } else if (!image) {
    body = (
      <EmptyState title={t('view.noneTitle')} testId="files-none">
        {t('view.noneBody')}
      </EmptyState>
    )
  } else {
    body = <FilesBrowser imageRef={imageRef} image={image} route={route} />
  }
  return (
    <section className="view files-view" data-testid="files-view" aria-labelledby="files-title">
      <header className="view-header">
        <h2 id="files-title" className="view-title">
          <span className="view-subject mono">{graph.data?.ref ?? imageRef}</span>
          {platforms.length === 1 && image?.platform ? (
            <span className="view-source">{image.platform}</span>
          ) : null}
          {graph.data ? (
            <span className="view-source">
              {sourceKindText(graph.data.ref, graph.data.sourceLabel)}
            </span>
          ) : null}
        </h2>
        {platforms.length > 1 ? (
          <PlatformSelect
            platforms={platforms}
            current={image?.platform ?? route.platform}
            route={route}
          />
        ) : null}
        <ImageViewTabs imageRef={imageRef} current="files" />
        <CacheControls />
      </header>
      {body}
    </section>
  )
}
