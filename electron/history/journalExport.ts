// Exports of the journal: JSON (an array of observations) and CSV (RFC 4180: a header row,
// CRLF line ends, fields quoted when they hold a comma, a quote or a line break).

import type { TagObservation } from '../../shared/api/history'

const COLUMNS = ['registry', 'repository', 'tag', 'digest', 'seenAt', 'source'] as const

export function observationsToJson(observations: readonly TagObservation[]): string {
  const rows = observations.map(({ registry, repository, tag, digest, seenAt, source }) => ({
    registry,
    repository,
    tag,
    digest,
    seenAt,
    source,
  }))
  return `${JSON.stringify(rows, null, 2)}\n`
}

export function observationsToCsv(observations: readonly TagObservation[]): string {
  const lines = [COLUMNS.join(',')]
  for (const observation of observations) {
    lines.push(COLUMNS.map((column) => csvField(observation[column])).join(','))
  }
  return `${lines.join('\r\n')}\r\n`
}

export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value
}
