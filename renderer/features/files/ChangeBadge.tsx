// The badge of a change kind (added, modified, deleted, opaque) in the language shown, with what
// the kind means as its tooltip ("whiteout" and "opaque directory" explained).
import { useTranslation } from 'react-i18next'
import type { ChangeKind } from '../../../shared/api/files'

export function ChangeBadge({ kind }: { readonly kind: ChangeKind }) {
  const { t } = useTranslation('files')
  return (
    <span className={`change-badge change-${kind}`} title={t(`changeTitle.${kind}`)}>
      {t(`change.${kind}`)}
    </span>
  )
}
