// The Docker Hub search panel's words, in one place for the i18n layer (issue 12).

export const hubSearchText = {
  button: 'Search Docker Hub',
  title: (query: string) => `Docker Hub: “${query}”`,
  searching: 'Searching Docker Hub…',
  none: 'No repository on Docker Hub matches.',
  official: 'Official',
  officialTitle: 'Docker Official Image',
  stars: (n: string) => `★ ${n}`,
  pulls: (n: string) => `${n} pulls`,
  total: (shown: number, total: number) => `${shown} of ${total} shown`,
  skipped: (n: number) => `${n} result(s) left out: not in the expected shape.`,
  close: 'Close Docker Hub results',
  openTitle: (reference: string) => `Open ${reference}`,
} as const
