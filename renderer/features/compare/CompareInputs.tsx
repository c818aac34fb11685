// The two references to compare (any sources: registry, OCI layout, archive, …).
import { useId, useState, type FormEvent } from 'react'

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
      <label htmlFor={leftId}>Left</label>
      <input
        id={leftId}
        data-testid="compare-left"
        className="mono"
        value={a}
        placeholder="host/repo:tag, oci:/path:tag, docker-archive:/file.tar…"
        onChange={(event) => setA(event.target.value)}
      />
      <button
        type="button"
        className="icon-button"
        title="Swap sides"
        aria-label="Swap sides"
        onClick={() => {
          setA(b)
          setB(a)
        }}
      >
        ⇄
      </button>
      <label htmlFor={rightId}>Right</label>
      <input
        id={rightId}
        data-testid="compare-right"
        className="mono"
        value={b}
        placeholder="the other image"
        onChange={(event) => setB(event.target.value)}
      />
      <button
        type="submit"
        className="button-primary"
        data-testid="compare-submit"
        disabled={!a.trim() || !b.trim()}
      >
        Compare
      </button>
      <label
        className="compare-semantic"
        title="Ignore what does not change meaning: file modification times, layer compression (layers matched by their files), creation times. Reads every layer."
      >
        <input
          type="checkbox"
          data-testid="compare-semantic"
          checked={semantic}
          onChange={(event) => onSemanticChange(event.target.checked)}
        />{' '}
        Semantic
      </label>
    </form>
  )
}
