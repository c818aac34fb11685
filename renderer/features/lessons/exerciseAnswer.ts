// What an exercise expects and how a person's answer is checked against it (pure, unit-tested).

/** What the app expects, and the choices to offer (tags, layers). */
export type ExerciseAnswer =
  | { readonly kind: 'number'; readonly expected: number }
  | { readonly kind: 'one'; readonly options: readonly string[]; readonly expected: string }
  | {
      readonly kind: 'many'
      readonly options: readonly string[]
      readonly expected: readonly string[]
    }

/** A person's answer: the number typed, or the options chosen. */
export type GivenAnswer = number | readonly string[]

export function checkAnswer(answer: ExerciseAnswer, given: GivenAnswer): boolean {
  switch (answer.kind) {
    case 'number':
      return typeof given === 'number' && given === answer.expected
    case 'one':
      return typeof given !== 'number' && given.length === 1 && given[0] === answer.expected
    case 'many': {
      if (typeof given === 'number') return false
      const chosen = new Set(given)
      return (
        chosen.size === answer.expected.length && answer.expected.every((tag) => chosen.has(tag))
      )
    }
  }
}
