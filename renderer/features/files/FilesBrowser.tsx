// One image's files: the layer strip and efficiency on the left; on the right the toolbar,
// index progress, search results, the windowed tree (or, with a change filter on, the flat list
// of every path the layer changed), and the open file or directory.
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useCallback, useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ChangeKind } from '../../../shared/api/files'
import { call } from '../../api/client'
import { queryKeys } from '../../api/queryKeys'
import { ErrorPanel } from '../../components/ErrorPanel'
import { Link } from '../../components/Link'
import { EmptyState, LoadingBlock } from '../../components/Spinner'
import { useLanguage } from '../../i18n/i18n'
import { navigate } from '../../routing/navigation'
import type { Route } from '../../routing/route'
import { EfficiencyPanel } from './EfficiencyPanel'
import { FileTree } from './FileTree'
import { downloadHref, FileViewer } from './FileViewer'
import { ancestorsOf, baseName, imagePath } from './fileFormat'
import { findLayer, type FilesImage } from './imageLayers'
import { IndexProgress } from './IndexProgress'
import { LayerStrip } from './LayerStrip'
import { SearchResults } from './SearchResults'
import { TreeToolbar } from './TreeToolbar'
import { changeRows, flattenTree } from './treeRows'
import { useChangedDirs } from './useChangedDirs'
import { useDirListings } from './useDirListings'
import { FileListExport } from '../../components/ExportMenu'

interface FilesBrowserProps {
  readonly imageRef: string
  readonly image: FilesImage
  readonly route: Route
}

const NOTHING_EXPANDED: ReadonlySet<string> = new Set()

export function FilesBrowser({ imageRef, image, route }: FilesBrowserProps) {
  const queryClient = useQueryClient()
  const { t } = useTranslation('files')
  const language = useLanguage()
  const layer = route.layer
  // Always explicit for an index, so every call reads the image this view shows.
  const platform = image.platform
  const onPlatform = useMemo(() => (platform !== undefined ? { platform } : {}), [platform])
  const urlPlatform = route.platform
  const selectedLayer = findLayer(image.layers, layer)
  const path = imagePath(route.path)
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set())
  const [sort, setSort] = useState<'name' | 'size'>('name')
  const [change, setChange] = useState<readonly ChangeKind[]>([])
  const [search, setSearch] = useState('')

  const routeFor = useCallback(
    (next: { layer?: string | undefined; path?: string | undefined }): Route => ({
      view: 'files',
      ref: imageRef,
      ...(urlPlatform !== undefined ? { platform: urlPlatform } : {}),
      ...(next.layer !== undefined ? { layer: next.layer } : {}),
      ...(next.path ? { path: `/${next.path}` } : {}),
    }),
    [imageRef, urlPlatform],
  )
  const open = useCallback(
    (target: string) => navigate(routeFor({ layer, path: imagePath(target) })),
    [routeFor, layer],
  )

  const stat = useQuery({
    queryKey: [...queryKeys.fileStat(imageRef, layer ?? '', path), platform ?? ''],
    queryFn: () =>
      call('files:stat', {
        ref: imageRef,
        path: `/${path}`,
        ...onPlatform,
        ...(layer ? { layer } : {}),
      }),
    enabled: path !== '' && (layer === undefined || selectedLayer !== undefined),
    staleTime: Infinity,
    retry: false,
  })
  const isDir = stat.data?.entry.type === 'dir'
  // Open the tree down to the path the URL names (and the directory itself).
  const openDir = isDir ? stat.data?.resolvedPath : undefined
  useEffect(() => {
    if (path === '') return
    const wanted = [...ancestorsOf(path), ...(openDir !== undefined ? [openDir] : [])]
    setExpanded((old) => (wanted.every((d) => old.has(d)) ? old : new Set([...old, ...wanted])))
  }, [path, openDir])

  // A change filter lists every changed path of the layer, flat: changes deep below an
  // unchanged directory would be out of reach in a tree of filtered directories.
  const flat = change.length > 0
  const scope = useMemo(
    () => ({
      ref: imageRef,
      sort,
      change,
      recursive: flat,
      ...onPlatform,
      ...(layer !== undefined ? { layer } : {}),
    }),
    [imageRef, sort, change, flat, onPlatform, layer],
  )
  const { listings, loadMore, reload } = useDirListings(scope, flat ? NOTHING_EXPANDED : expanded)
  // Only after the root listed well: the layers are indexed then, and a cancelled or failed
  // listing is not started again behind the user's back.
  const rootListing = listings.get('')
  const changedDirs = useChangedDirs(
    { ref: imageRef, platform, layer },
    !flat && rootListing?.loading === false && rootListing.error === undefined,
  )
  const rows = useMemo(
    () => (flat ? changeRows(listings) : flattenTree(listings, expanded)),
    [flat, listings, expanded],
  )
  const toggle = useCallback((dir: string) => {
    setExpanded((old) => {
      const next = new Set(old)
      if (next.has(dir)) next.delete(dir)
      else next.add(dir)
      return next
    })
  }, [])

  const root = listings.get('')
  const rootLoaded = root !== undefined && !root.loading
  useEffect(() => {
    // Reading the layers filled the caches: show the new size.
    if (rootLoaded) void queryClient.invalidateQueries({ queryKey: queryKeys.cacheInfo })
  }, [rootLoaded, queryClient])

  if (layer !== undefined && !selectedLayer) {
    return (
      <EmptyState title={t('browser.noLayerTitle', { layer })} testId="files-no-layer">
        {t('browser.noLayer', { count: image.layers.length })}
      </EmptyState>
    )
  }
  const dirPath = isDir && stat.data ? stat.data.resolvedPath : ''
  const changeOf = selectedLayer
    ? t('browser.ofLayer', { n: selectedLayer.position })
    : t('browser.ofTopLayer')
  // "added or deleted" / "añadida o borrada": the kinds as a sentence lists them.
  const changeKinds = new Intl.ListFormat(language, { type: 'disjunction' }).format(
    change.map((kind) => t(`changeVerb.${kind}`)),
  )
  const target = { ref: imageRef, ...onPlatform, layer, path }
  const rootFailed = root?.error !== undefined && root.items.length === 0

  return (
    <div className="files-body">
      <aside className="files-side">
        <LayerStrip
          imageRef={imageRef}
          platform={platform}
          layers={image.layers}
          selected={selectedLayer?.position}
          routeFor={(l) => routeFor({ layer: l, path })}
        />
        <EfficiencyPanel
          imageRef={imageRef}
          platform={platform}
          onOpen={(at, position) => navigate(routeFor({ layer: String(position), path: at }))}
        />
      </aside>
      <div className="files-main">
        <TreeToolbar
          sort={sort}
          onSort={setSort}
          change={change}
          onChange={setChange}
          onSearch={setSearch}
          changeOf={changeOf}
          dirDownload={{
            href: downloadHref({ ...target, path: dirPath }),
            label: t('browser.downloadDir', { path: dirPath }),
            name: `${baseName(dirPath) || 'rootfs'}.tar`,
          }}
        />
        <FileListExport args={{ ...scope, path: dirPath }} />
        <IndexProgress />
        {search ? (
          <SearchResults
            imageRef={imageRef}
            platform={platform}
            layer={layer}
            pattern={search}
            selected={path}
            onOpen={open}
            onClose={() => setSearch('')}
          />
        ) : null}
        <div className={path !== '' && !isDir ? 'files-split with-viewer' : 'files-split'}>
          {rootFailed ? (
            <ErrorPanel error={root.error} onRetry={reload} />
          ) : rootLoaded && root.items.length === 0 ? (
            <EmptyState
              title={change.length > 0 ? t('browser.noMatchTitle') : t('browser.noFilesTitle')}
              testId="files-empty"
            >
              {flat
                ? t('browser.noMatch', { kinds: changeKinds, layer: changeOf })
                : t('browser.emptyFilesystem')}
            </EmptyState>
          ) : (
            <FileTree
              rows={rows}
              selected={path || undefined}
              label={
                flat
                  ? t('browser.changesIn', { layer: changeOf })
                  : t('browser.filesOf', { ref: imageRef })
              }
              title={flat ? t('browser.changesIn', { layer: changeOf }) : undefined}
              fullPaths={flat}
              changedDirs={changedDirs}
              onToggle={toggle}
              onOpen={open}
              onMore={loadMore}
            />
          )}
          {path === '' || isDir ? null : stat.isPending ? (
            <LoadingBlock label={t('browser.lookingUp', { path })} />
          ) : stat.isError ? (
            <div className="file-viewer" data-testid="file-viewer">
              <ErrorPanel error={stat.error} compact onRetry={() => void stat.refetch()} />
              <Link to={routeFor({ layer })}>{t('browser.close')}</Link>
            </div>
          ) : (
            <FileViewer
              key={`${platform ?? ''}|${layer ?? ''}|${path}`}
              target={target}
              stat={stat.data}
              onClose={() => navigate(routeFor({ layer }))}
            />
          )}
        </div>
      </div>
    </div>
  )
}
