// End to end in Debian's Chromium against web mode, offline: no registry, and every request
// that is not to the web mode's own loopback origin is blocked and counted (none may be tried).
// Every step of every lesson is walked with the keys presentation clickers send, in English and
// in Spanish side by side, one page per language and no reload between steps: its text is there
// and differs between the languages, what it names is outlined and visible in the real view
// beside it, and each exercise rejects a wrong answer and accepts the right one (facts of the
// bundled samples, written down in test/harness/samples/). Last, a samples folder missing one
// sample, or with one damaged, says which sample and how to rebuild it.

import assert from 'node:assert/strict'
import { cp, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { test } from 'node:test'
import type { Page } from 'playwright-core'
import {
  LESSONS,
  LESSON_IDS,
  type LessonStep,
} from '../../../renderer/features/lessons/lessonCatalog'
import { useE2eSession } from '../../harness/e2eSession'

const PROJECT_ROOT = path.resolve(import.meta.dirname, '..', '..', '..')
const samplesCopy = (workDir: string): string => path.join(workDir, 'samples')

const session = useE2eSession({
  name: 'e2e-lessons',
  // A copy, so the last test can take a sample away without touching assets/.
  prepare: async ({ workDir }) => {
    await cp(path.join(PROJECT_ROOT, 'assets', 'samples'), samplesCopy(workDir), {
      recursive: true,
    })
  },
  webEnv: ({ workDir }) => ({ STRATA_SAMPLES_DIR: samplesCopy(workDir) }),
})

/** A page that may only talk to web mode's origin; what else it tried is listed. */
async function offlinePage(query: string): Promise<{
  page: Page
  blocked: string[]
  pageErrors: string[]
}> {
  const { browser, web } = session()
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } })
  const blocked: string[] = []
  const pageErrors: string[] = []
  page.on('pageerror', (error) => pageErrors.push(error.message))
  await page.route('**/*', async (route) => {
    const url = route.request().url()
    if (new URL(url).origin === web.origin) await route.continue()
    else {
      blocked.push(url)
      await route.abort('blockedbyclient')
    }
  })
  await page.goto(`${web.url}&${query}`)
  return { page, blocked, pageErrors }
}

const STEP_TIMEOUT = 30_000
const FIRST_PAINT = 90_000

async function waitForStep(page: Page, lesson: string, step: number): Promise<void> {
  await page
    .locator(`[data-testid="lesson-layout"][data-lesson="${lesson}"][data-step="${step}"]`)
    .waitFor({ timeout: STEP_TIMEOUT })
}

async function verdictAfter(page: Page, answer: () => Promise<void>): Promise<string | null> {
  await answer()
  await page.getByTestId('lesson-check').click()
  const verdict = page.getByTestId('lesson-verdict')
  await verdict.waitFor({ timeout: STEP_TIMEOUT })
  return verdict.getAttribute('data-verdict')
}

/** The sample facts each exercise is about: a wrong answer, then the right one. */
async function solveExercise(page: Page, exercise: NonNullable<LessonStep['exercise']>) {
  const box = page.getByTestId('lesson-exercise')
  await box.locator('[data-testid="lesson-answer"]').waitFor({ timeout: STEP_TIMEOUT })
  const typeNumber = (n: number) => () => page.getByTestId('lesson-answer-number').fill(String(n))
  const option = (value: string) =>
    page.locator(`[data-testid="lesson-answer-option"][data-option="${value}"]`)
  const numbers: Partial<Record<typeof exercise, number>> = {
    'deleted-by-layer': 2, // layer 2 holds etc/.wh.motd
    'shared-layers': 2, // web and worker share their two base layers
    'platform-count': 2, // linux/amd64 and linux/arm64/v8; the attestations do not count
  }
  const right = numbers[exercise]
  if (right !== undefined) {
    assert.equal(await verdictAfter(page, typeNumber(right + 1)), 'wrong', exercise)
    assert.equal(await verdictAfter(page, typeNumber(right)), 'right', exercise)
  } else if (exercise === 'moved-tag') {
    // 1.0 pointed at the 1.0.2 image before it moved to the 1.0.3 one.
    assert.equal(await verdictAfter(page, () => option('latest').check()), 'wrong', exercise)
    assert.equal(await verdictAfter(page, () => option('1.0').check()), 'right', exercise)
  } else {
    // latest, 1.0, 1.0.3 and stable share one digest; 1.0.2 is the older image.
    assert.equal(await verdictAfter(page, () => option('1.0.3').check()), 'wrong', exercise)
    await option('1.0.2').check()
    assert.equal(await verdictAfter(page, () => option('1.0.2').uncheck()), 'wrong', exercise)
    await option('1.0').check()
    assert.equal(await verdictAfter(page, () => option('stable').check()), 'right', exercise)
  }
  // Typing focus must not swallow the next key press: a click on the text takes it away.
  await page.getByTestId('lesson-text').click()
}

/** Walks every step of every lesson with the keys; returns each step's text by "lesson/step". */
async function walkCourse(page: Page): Promise<Map<string, string>> {
  const texts = new Map<string, string>()
  await page.locator('[data-testid="lesson-item"][data-lesson="image"] a').click()
  let presses = 0
  for (const lesson of LESSONS) {
    for (const [index, step] of lesson.steps.entries()) {
      await waitForStep(page, lesson.id, index + 1)
      const where = `${lesson.id} step ${index + 1}`
      const text = (await page.getByTestId('lesson-text').textContent())?.trim() ?? ''
      assert.ok(text.length > 20, `${where}: the step has its text`)
      texts.set(`${lesson.id}/${index + 1}`, text)
      const marked = page.locator('[data-testid="lesson-target"] .lesson-highlight').first()
      await marked.waitFor({ state: 'visible', timeout: STEP_TIMEOUT }).catch(() => {
        throw new Error(`${where}: nothing visible matches ${step.highlight}`)
      })
      const inTarget = '[data-testid="lesson-target"]'
      assert.equal(
        await page.locator(`${inTarget} ${step.highlight}.lesson-highlight`).count(),
        await page.locator(`${inTarget} .lesson-highlight`).count(),
        `${where}: only what the step names is outlined`,
      )
      if (step.exercise) await solveExercise(page, step.exercise)
      // Clickers send PageDown; keyboards the arrow. Alternate, and step back once in a while.
      if (presses % 7 === 3 && index > 0) {
        await page.keyboard.press(presses % 2 === 0 ? 'ArrowLeft' : 'PageUp')
        await waitForStep(page, lesson.id, index)
        await page.keyboard.press('PageDown')
        await waitForStep(page, lesson.id, index + 1)
      }
      await page.keyboard.press(presses % 2 === 0 ? 'ArrowRight' : 'PageDown')
      presses++
    }
  }
  // Past the last step of the last lesson there is nowhere to go: it stays.
  const last = LESSONS[LESSONS.length - 1]
  assert.ok(last)
  await waitForStep(page, last.id, last.steps.length)
  return texts
}

/** One language's walk on its own page: the list, then every step; returns the step texts. */
async function walkIn(lang: 'en' | 'es'): Promise<Map<string, string>> {
  const { page, blocked, pageErrors } = await offlinePage(`view=lessons&lang=${lang}`)
  try {
    // The first paint parses the whole bundle: slow on a loaded machine, once.
    await page.locator('[data-testid="lesson-item"]').first().waitFor({ timeout: FIRST_PAINT })
    const listed = await Promise.all(
      (await page.locator('[data-testid="lesson-item"]').all()).map((item) =>
        item.getAttribute('data-lesson'),
      ),
    )
    assert.deepEqual(listed, [...LESSON_IDS], `${lang}: the lessons in the issue's order`)
    const texts = await walkCourse(page)
    assert.equal(await page.locator('html').getAttribute('lang'), lang, 'stayed in its language')
    assert.deepEqual(blocked, [], `${lang}: no request left the loopback web mode`)
    assert.deepEqual(pageErrors, [])
    return texts
  } finally {
    await page.close()
  }
}

test("every lesson's every step in English and Spanish: text, highlight, exercises, no network", async () => {
  // The two languages walk side by side (two pages, one browser): the waits overlap.
  const [english, spanish] = await Promise.all([walkIn('en'), walkIn('es')])
  assert.equal(
    english.size,
    LESSONS.reduce((n, lesson) => n + lesson.steps.length, 0),
  )
  assert.equal(spanish.size, english.size)
  for (const [key, text] of english) {
    assert.notEqual(spanish.get(key), text, `${key} reads differently in Spanish`)
  }
})

test("a step's view answers clicks inside the lesson; another view is explored beside it, until left", async () => {
  const { page, blocked, pageErrors } = await offlinePage(
    'view=lessons&lesson=config&step=1&lang=en',
  )
  try {
    await waitForStep(page, 'config', 1)
    const config = page.locator('[data-testid="graph-node"][data-kind="config"]').first()
    await config.waitFor({ timeout: STEP_TIMEOUT })
    await config.click()
    await page.getByTestId('details-panel').waitFor({ timeout: STEP_TIMEOUT })
    const picked = new URL(page.url()).searchParams
    assert.equal(picked.get('view'), 'lessons', 'a node clicked stays in the step')
    assert.ok(picked.get('node')?.startsWith('sha256:'), 'with the config selected')

    await page.getByTestId('tab-files').click()
    await page.getByTestId('lesson-exploring').waitFor({ timeout: STEP_TIMEOUT })
    const explored = new URL(page.url()).searchParams
    assert.equal(explored.get('view'), 'files', 'another tab opens its view')
    assert.equal(explored.get('lesson'), 'config', 'with the lesson still in the URL')
    assert.equal(await page.getByTestId('lesson-text').count(), 1, 'and beside the view')

    await page.getByTestId('lesson-back-to-step').click()
    await page
      .locator('[data-testid="lesson-layout"][data-exploring="false"][data-step="1"]')
      .waitFor({ timeout: STEP_TIMEOUT })
    assert.equal(new URL(page.url()).searchParams.get('view'), 'lessons', 'back on the step')

    await page.getByTestId('tab-files').click()
    await page.getByTestId('lesson-exploring').waitFor({ timeout: STEP_TIMEOUT })
    await page.getByTestId('lesson-leave').click()
    await page.getByTestId('lesson-panel').waitFor({ state: 'detached', timeout: STEP_TIMEOUT })
    const left = new URL(page.url()).searchParams
    assert.equal(left.get('lesson'), null, 'leaving drops the lesson')
    assert.equal(left.get('view'), 'files', 'and keeps the view the student was in')
    assert.equal(left.get('lang'), 'en', 'and the language')
    assert.deepEqual(blocked, [])
    assert.deepEqual(pageErrors, [])
  } finally {
    await page.close()
  }
})

test('a missing or damaged sample names itself and how to rebuild it', async () => {
  const copy = samplesCopy(session().workDir)
  await rm(path.join(copy, 'whiteouts'), { recursive: true })
  await writeFile(path.join(copy, 'sharing', 'index.json'), '{"schemaVersion": 2, "manifests": [')
  for (const [lesson, sample] of [
    ['whiteouts', 'whiteouts'],
    ['sharing', 'sharing'],
  ] as const) {
    const { page, blocked, pageErrors } = await offlinePage(
      `view=lessons&lesson=${lesson}&step=2&lang=en`,
    )
    try {
      const problem = page.getByTestId('lesson-sample-problem')
      await problem.waitFor({ timeout: STEP_TIMEOUT })
      assert.equal(await problem.getAttribute('data-sample'), sample)
      const text = (await problem.textContent()) ?? ''
      assert.match(text, new RegExp(`“${sample}” is missing or damaged`))
      assert.match(text, /npm run samples/)
      assert.equal(await page.getByTestId('lesson-text').count(), 1, 'the lesson text stays')
      assert.deepEqual(blocked, [])
      assert.deepEqual(pageErrors, [])
    } finally {
      await page.close()
    }
  }
})
