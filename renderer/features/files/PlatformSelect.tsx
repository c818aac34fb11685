// The platform picker of the files view for an index: choosing one sets `platform=` in the URL
// (keeping the layer and path, which usually exist in every platform's image).
import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { navigate } from '../../routing/navigation'
import type { Route } from '../../routing/route'

interface PlatformSelectProps {
  readonly platforms: readonly string[]
  /** The platform shown; undefined when the URL names one the index does not have. */
  readonly current: string | undefined
  readonly route: Route
}

export function PlatformSelect({ platforms, current, route }: PlatformSelectProps) {
  const { t } = useTranslation('files')
  const id = useId()
  return (
    <span className="files-platform">
      <label htmlFor={id}>{t('platform.label')}</label>
      <select
        id={id}
        data-testid="files-platform"
        value={current ?? ''}
        onChange={(event) => navigate({ ...route, view: 'files', platform: event.target.value })}
      >
        {current === undefined ? <option value="">{t('platform.choose')}</option> : null}
        {platforms.map((p) => (
          <option key={p} value={p}>
            {p}
          </option>
        ))}
      </select>
    </span>
  )
}
