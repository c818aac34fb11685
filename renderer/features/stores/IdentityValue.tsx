// One of a layer's three names, tagged and coloured by which it is (layerIdentities.ts).
import { useTranslation } from 'react-i18next'
import { CopyButton } from '../../components/CopyButton'
import { identityText, type LayerIdentity } from './layerIdentities'

interface IdentityValueProps {
  readonly identity: LayerIdentity
  readonly value: string | undefined
  /** Shown when the store did not record this value. */
  readonly missing?: string
}

export function IdentityValue({ identity, value, missing }: IdentityValueProps) {
  const { t } = useTranslation('stores')
  const text = identityText(identity)
  return (
    <span className={`identity identity-${identity}`} title={`${text.title}: ${text.explanation}`}>
      <span className="identity-tag">{text.tag}</span>
      {value !== undefined ? (
        <>
          <code className="identity-value">{value}</code>
          <CopyButton text={value} what={text.title.toLowerCase()} />
        </>
      ) : (
        <span className="identity-missing">{missing ?? t('identity.notRecorded')}</span>
      )}
    </span>
  )
}
