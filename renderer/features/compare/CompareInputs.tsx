// The two references to compare (any sources: registry, OCI layout, archive, …).
import { useId, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'

const SWAP_ICON = '⇄'

interface CompareInputsProps {
  readonly left: string
  readonly right: string
  readonly onCompare: (left: string, right: string) => void
  /** Semantic compare: ignore mtimes, compression and creation times (diffoci --semantic). */
  readonly semantic: boolean
  readonly onSemanticChange: (semantic: boolean) => void
}

export function CompareInputs({
  left,
  right,
  onCompare,
  semantic,
  onSemanticChange,
}: CompareInputsProps) {
  const { t } = useTranslation('compare')
  const leftId = useId()
  const rightId = useId()
  const [a, setA] = useState(left)
  const [b, setB] = useState(right)
  const submit = (event: FormEvent): void => {
    event.preventDefault()
    if (a.trim() && b.trim()) onCompare(a.trim(), b.trim())
  }
  return (
    <form className="compare-inputs" data-testid="compare-inputs" onSubmit={submit}>
      <label htmlFor={leftId}>{t('inputs.left')}</label>
      <input
        id={leftId}
        data-testid="compare-left"
        className="mono"
        value={a}
        placeholder={t('inputs.leftPlaceholder')}
        onChange={(event) => setA(event.target.value)}
      />
      <button
        type="button"
        className="icon-button"
        title={t('inputs.swap')}
        aria-label={t('inputs.swap')}
        onClick={() => {
          setA(b)
          setB(a)
        }}
      >
        {SWAP_ICON}
      </button>
      <label htmlFor={rightId}>{t('inputs.right')}</label>
      <input
        id={rightId}
        data-testid="compare-right"
        className="mono"
        value={b}
        placeholder={t('inputs.rightPlaceholder')}
        onChange={(event) => setB(event.target.value)}
      />
      <button
        type="submit"
        className="button-primary"
        data-testid="compare-submit"
        disabled={!a.trim() || !b.trim()}
      >
        {t('inputs.compare')}
      </button>
      <label className="compare-semantic" title={t('inputs.semanticTitle')}>
        <input
          type="checkbox"
          data-testid="compare-semantic"
          checked={semantic}
          onChange={(event) => onSemanticChange(event.target.checked)}
        />{' '}
        {t('inputs.semantic')}
      </label>
    </form>
  )
}
