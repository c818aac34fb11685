// How a waiting call is named in the status bar, from its operation name and subject; the
// status bar words it ("Waiting for …") in the language shown. Pure (no DOM), so it is
// unit-tested under Node.

/** "image summary · alpine:3.20" from the operation name and its subject. */
export function callLabel(name: string, args: unknown): string {
  const [domain = '', verb = ''] = name.split(':')
  const words = verb.replace(/([A-Z])/g, ' $1').toLowerCase()
  const subject = subjectOf(args)
  const label = `${domain} ${words}`.trim()
  if (subject === undefined) return label
  return `${label} · ${subject.length > 60 ? `${subject.slice(0, 59)}…` : subject}`
}

/** The reference or name a call is about; never other arguments (they may hold secrets). */
function subjectOf(args: unknown): string | undefined {
  if (typeof args !== 'object' || args === null) return undefined
  for (const key of ['ref', 'repository', 'registry'] as const) {
    const value: unknown = key in args ? (args as Record<typeof key, unknown>)[key] : undefined
    if (typeof value === 'string' && value !== '') return value
  }
  return undefined
}
