// Every move the journal saw, newest first: tag, from → to, and when (between two sightings).
import { useTranslation } from 'react-i18next'
import type { TagMove } from '../../../shared/api/history'
import { DigestLink } from '../../components/DigestLink'
import { Link } from '../../components/Link'
import { refForDigest } from '../../routing/refs'
import { useTimeText } from './useTimeText'

export function MovesList({
  repository,
  moves,
}: {
  readonly repository: string
  readonly moves: readonly TagMove[]
}) {
  const { t } = useTranslation('history')
  const { between, instant } = useTimeText()
  const newestFirst = [...moves].sort((a, b) => Date.parse(b.at) - Date.parse(a.at))
  return (
    <section className="history-moves">
      <h3>{t('moves.title', { count: moves.length })}</h3>
      {moves.length === 0 ? (
        <p className="hint">{t('moves.none')}</p>
      ) : (
        <ul className="moves-list">
          {newestFirst.map((move) => (
            <li
              key={`${move.tag}:${move.at}`}
              className="move-row"
              data-testid="history-move"
              data-tag={move.tag}
              data-digest={move.toDigest}
              data-from-digest={move.fromDigest}
            >
              <span className="mono move-tag">{move.tag}</span>
              <DigestLink
                digest={move.fromDigest}
                kind="manifest"
                imageRef={refForDigest(repository, move.fromDigest)}
                copy={false}
                testId="history-move-from"
              />
              <span aria-label={t('moves.movedTo')}>→</span>
              <DigestLink
                digest={move.toDigest}
                kind="manifest"
                imageRef={refForDigest(repository, move.toDigest)}
                copy={false}
                testId="history-move-to"
              />
              <span
                className="muted"
                data-testid="history-move-when"
                title={t('moves.lastSeenOld', {
                  when: instant(move.lastSeenBefore),
                })}
              >
                {between(move.lastSeenBefore, move.at)}
              </span>
              <Link
                className="button-secondary button-small"
                to={{
                  view: 'compare',
                  ref: refForDigest(repository, move.fromDigest),
                  with: [refForDigest(repository, move.toDigest)],
                }}
              >
                {t('moves.compare')}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
