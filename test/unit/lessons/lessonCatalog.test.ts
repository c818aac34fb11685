// The lessons the issue names exist in its order; every step has its text in both catalogues
// (and the Spanish differs from the English), opens a bundled sample in a view the app knows,
// names what it highlights; exercises have their questions; answers are checked exactly.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { SAMPLE_NAMES } from '../../../shared/samples'
import { checkAnswer } from '../../../renderer/features/lessons/exerciseAnswer'
import {
  findLesson,
  LESSON_IDS,
  LESSONS,
  stepIndex,
} from '../../../renderer/features/lessons/lessonCatalog'
import { lessons as english } from '../../../renderer/i18n/en/lessons'
import { lessons as spanish } from '../../../renderer/i18n/es/lessons'
import { isKnownView } from '../../../renderer/routing/route'

const ISSUE_IDS = [
  'image',
  'layers',
  'config',
  'transports',
  'registry',
  'digest-vs-tag',
  'latest',
  'many-tags',
  'media-types',
  'index-platforms',
  'dockerfile-layers',
  'overlay',
  'whiteouts',
  'container-layer',
  'sharing',
  'artifacts',
]

/** A nested catalogue value by dotted path, or undefined. */
function lookup(catalogue: unknown, ...path: string[]): unknown {
  let here = catalogue
  for (const key of path) {
    if (typeof here !== 'object' || here === null || !(key in here)) return undefined
    here = (here as Record<string, unknown>)[key]
  }
  return here
}

function text(catalogue: unknown, ...path: string[]): string {
  const value = lookup(catalogue, ...path)
  assert.equal(typeof value, 'string', `${path.join('.')} is a string`)
  assert.ok((value as string).trim().length > 0, `${path.join('.')} is not empty`)
  return value as string
}

test('every lesson of the issue exists, in the issue order', () => {
  assert.deepEqual([...LESSON_IDS], ISSUE_IDS)
  assert.deepEqual(
    LESSONS.map((lesson) => lesson.id),
    ISSUE_IDS,
  )
  for (const lesson of LESSONS) assert.ok(lesson.steps.length >= 2, `${lesson.id} has steps`)
})

test('titles, summaries and every step have their text in English and in Spanish', () => {
  for (const lesson of LESSONS) {
    for (const field of ['title', 'summary']) {
      text(english, lesson.id, field)
      text(spanish, lesson.id, field)
    }
    const expectedKeys = lesson.steps.map((_, i) => String(i + 1))
    assert.deepEqual(Object.keys(lookup(english, lesson.id, 'steps') ?? {}), expectedKeys)
    assert.deepEqual(Object.keys(lookup(spanish, lesson.id, 'steps') ?? {}), expectedKeys)
    for (const key of expectedKeys) {
      const en = text(english, lesson.id, 'steps', key)
      const es = text(spanish, lesson.id, 'steps', key)
      assert.notEqual(es, en, `${lesson.id} step ${key} is written in Spanish`)
    }
  }
})

test('each step opens a bundled sample in a view the app knows and names what it shows', () => {
  const root = '/opt/strata/samples'
  for (const lesson of LESSONS) {
    for (const [i, step] of lesson.steps.entries()) {
      const where = `${lesson.id} step ${i + 1}`
      assert.ok(SAMPLE_NAMES.includes(step.sample), `${where}: ${step.sample} is a sample`)
      const target = step.target(root)
      assert.ok(isKnownView(target.view), `${where}: ${target.view} is a known view`)
      assert.notEqual(target.view, 'lessons', `${where}: drives a real view`)
      assert.ok(target.ref?.includes(root), `${where}: opens something under the samples folder`)
      assert.match(
        step.highlight,
        /^\[data-[a-z-]+(=".+")?\]/,
        `${where}: a data-attribute selector`,
      )
      if (step.exercise) {
        text(english, 'exercise', step.exercise)
        text(spanish, 'exercise', step.exercise)
      }
    }
  }
})

test('the exercises the issue asks for are there', () => {
  const exercises = new Map(
    LESSONS.flatMap((lesson) =>
      lesson.steps.flatMap((step) => (step.exercise ? [[lesson.id, step.exercise] as const] : [])),
    ),
  )
  assert.equal(exercises.get('whiteouts'), 'deleted-by-layer')
  assert.equal(exercises.get('many-tags'), 'same-image-as-latest')
  assert.equal(exercises.get('digest-vs-tag'), 'moved-tag')
  assert.equal(exercises.get('sharing'), 'shared-layers')
  assert.equal(exercises.get('index-platforms'), 'platform-count')
})

test('a step number from the URL is clamped into the lesson', () => {
  const lesson = findLesson('whiteouts')
  assert.ok(lesson)
  assert.equal(stepIndex(lesson, undefined), 0)
  assert.equal(stepIndex(lesson, '2'), 1)
  assert.equal(stepIndex(lesson, '0'), 0)
  assert.equal(stepIndex(lesson, '99'), lesson.steps.length - 1)
  assert.equal(stepIndex(lesson, 'two'), 0)
  assert.equal(findLesson('nope'), undefined)
})

test('answers are checked exactly: a number, one choice, every right choice and no other', () => {
  const layer = { kind: 'number', expected: 2 } as const
  assert.equal(checkAnswer(layer, 2), true)
  assert.equal(checkAnswer(layer, 3), false)
  assert.equal(checkAnswer(layer, Number('')), false)
  assert.equal(checkAnswer(layer, ['2']), false)
  const moved = { kind: 'one', options: ['1.0', 'latest'], expected: '1.0' } as const
  assert.equal(checkAnswer(moved, ['1.0']), true)
  assert.equal(checkAnswer(moved, ['latest']), false)
  assert.equal(checkAnswer(moved, []), false)
  const same = {
    kind: 'many',
    options: ['1.0', '1.0.2', 'stable'],
    expected: ['1.0', 'stable'],
  } as const
  assert.equal(checkAnswer(same, ['stable', '1.0']), true)
  assert.equal(checkAnswer(same, ['1.0']), false)
  assert.equal(checkAnswer(same, ['1.0', 'stable', '1.0.2']), false)
  assert.equal(checkAnswer(same, 2), false)
})
