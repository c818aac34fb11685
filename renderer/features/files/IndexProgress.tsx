// While layers are read and indexed: every operation reporting progress, with bytes, rate,
// time left and Cancel (when main says the operation can be stopped).
import { useProgress } from '../../api/useApiEvents'
import { ProgressItem } from '../../components/ProgressItem'

export function IndexProgress() {
  const progress = useProgress()
  if (progress.length === 0) return null
  return (
    <div className="index-progress" data-testid="index-progress" aria-live="polite">
      {progress.map((state) => (
        <ProgressItem key={state.event.operationId} state={state} cancelTestId="index-cancel" />
      ))}
    </div>
  )
}
