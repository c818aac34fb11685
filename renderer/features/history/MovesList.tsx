// Every move the journal saw, newest first: tag, from → to, and when (between two sightings).
import type { TagMove } from '../../../shared/api/history'
import { shortDigest } from '../../../shared/digest'
import { Link } from '../../components/Link'
import { formatInstant } from '../../components/timeFormat'
import { refForDigest } from '../../routing/refs'

export function MovesList({
  repository,
  moves,
}: {
  readonly repository: string
  readonly moves: readonly TagMove[]
}) {
  const newestFirst = [...moves].sort((a, b) => Date.parse(b.at) - Date.parse(a.at))
  return (
    <section className="history-moves">
      <h3>Moves ({moves.length})</h3>
      {moves.length === 0 ? (
        <p className="hint">No tag has been seen at two different digests yet.</p>
      ) : (
        <ul className="moves-list">
          {newestFirst.map((move) => (
            <li
              key={`${move.tag}:${move.at}`}
              className="move-row"
              data-testid="history-move"
              data-tag={move.tag}
            >
              <span className="mono move-tag">{move.tag}</span>
              <Link
                className="mono"
                to={{ view: 'graph', ref: refForDigest(repository, move.fromDigest) }}
              >
                {shortDigest(move.fromDigest, 12)}
              </Link>
              <span aria-label="moved to">→</span>
              <Link
                className="mono"
                to={{ view: 'graph', ref: refForDigest(repository, move.toDigest) }}
              >
                {shortDigest(move.toDigest, 12)}
              </Link>
              <span className="muted" title={`last seen at the old digest ${move.lastSeenBefore}`}>
                between {formatInstant(move.lastSeenBefore)} and {formatInstant(move.at)}
              </span>
              <Link
                className="button-secondary button-small"
                to={{
                  view: 'compare',
                  ref: refForDigest(repository, move.fromDigest),
                  with: [refForDigest(repository, move.toDigest)],
                }}
              >
                Compare
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
