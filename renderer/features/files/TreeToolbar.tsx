// Above the tree: sort, the change-kind filter (passed to files:list), the search box
// (files:search, name substring or glob) and "download this directory as a tar".
import { useId, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { ChangeKind } from '../../../shared/api/files'
import { DownloadLink } from '../../components/DownloadLink'
import { ChangeBadge } from './ChangeBadge'

export const CHANGE_KINDS: readonly ChangeKind[] = ['added', 'modified', 'deleted', 'opaque']

interface TreeToolbarProps {
  readonly sort: 'name' | 'size'
  readonly onSort: (sort: 'name' | 'size') => void
  readonly change: readonly ChangeKind[]
  readonly onChange: (change: readonly ChangeKind[]) => void
  readonly onSearch: (pattern: string) => void
  /** Which layer the change kinds are relative to ("layer 3", "the top layer"), in words. */
  readonly changeOf: string
  readonly dirDownload: { readonly href: string; readonly label: string; readonly name: string }
}

export function TreeToolbar(props: TreeToolbarProps) {
  const { sort, onSort, change, onChange, onSearch, changeOf, dirDownload } = props
  const { t } = useTranslation('files')
  const sortId = useId()
  const searchId = useId()
  const [pattern, setPattern] = useState('')
  const submit = (event: FormEvent): void => {
    event.preventDefault()
    onSearch(pattern.trim())
  }
  const toggle = (kind: ChangeKind): void =>
    onChange(change.includes(kind) ? change.filter((k) => k !== kind) : [...change, kind])
  return (
    <div className="files-toolbar">
      <form className="files-search" role="search" onSubmit={submit}>
        <label htmlFor={searchId} className="sr-only">
          {t('toolbar.searchLabel')}
        </label>
        <input
          id={searchId}
          type="search"
          className="filter-input"
          placeholder={t('toolbar.searchPlaceholder')}
          value={pattern}
          data-testid="files-search-input"
          onChange={(event) => {
            setPattern(event.target.value)
            if (event.target.value === '') onSearch('')
          }}
        />
        <button type="submit" className="button-secondary button-small" data-testid="files-search">
          {t('toolbar.search')}
        </button>
      </form>
      <span className="list-controls">
        <label htmlFor={sortId}>{t('toolbar.sort')}</label>
        <select
          id={sortId}
          value={sort}
          data-testid="files-sort"
          onChange={(event) => onSort(event.target.value === 'size' ? 'size' : 'name')}
        >
          <option value="name">{t('toolbar.sortByName')}</option>
          <option value="size">{t('toolbar.sortBySize')}</option>
        </select>
        <span
          className="change-filter"
          role="group"
          aria-label={t('toolbar.onlyChangedGroup', { layer: changeOf })}
        >
          <span className="muted">{t('toolbar.onlyChangedBy', { layer: changeOf })}</span>
          {CHANGE_KINDS.map((kind) => (
            <label key={kind} className="checkbox">
              <input
                type="checkbox"
                checked={change.includes(kind)}
                data-testid={`filter-${kind}`}
                onChange={() => toggle(kind)}
              />
              <ChangeBadge kind={kind} />
            </label>
          ))}
        </span>
        <DownloadLink
          className="button-secondary button-small"
          href={dirDownload.href}
          fileName={dirDownload.name}
          testId="dir-download"
        >
          {dirDownload.label}
        </DownloadLink>
      </span>
    </div>
  )
}
