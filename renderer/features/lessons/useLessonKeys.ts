// Presentation clickers send PageDown/PageUp (and keyboards arrows): they move between steps
// while a lesson is open, unless the person is typing or a view already used the key (the
// graph pans with the arrows when it has focus).
import { isTyping } from '../../components/isTyping'
import { useEffect } from 'react'

export interface StepMoves {
  readonly previous: () => void
  readonly next: () => void
  readonly first: () => void
  readonly last: () => void
  /** Back to this step's own view (after exploring from it). */
  readonly current: () => void
}

export function useLessonKeys(moves: StepMoves): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return
      if (isTyping(event.target)) return
      const moveFor: Readonly<Record<string, (() => void) | undefined>> = {
        ArrowRight: moves.next,
        PageDown: moves.next,
        ArrowLeft: moves.previous,
        PageUp: moves.previous,
        Home: moves.first,
        End: moves.last,
      }
      const move = moveFor[event.key]
      if (!move) return
      event.preventDefault()
      move()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [moves])
}
