// Presentation mode in Debian's Chromium at a classroom projector's 1024×700: present=1 shows
// the whole graph of the bundled multi-platform sample (every node box inside the canvas) with
// no sidebar and no status bar, type large enough for the back of the room and text at 7:1
// contrast or more in both themes (measured), every card label whole (no "…", fits its card);
// "p" and the top-bar button toggle it.

import assert from 'node:assert/strict'
import path from 'node:path'
import { test } from 'node:test'
import type { Page } from 'playwright-core'
import { useE2eSession } from '../../harness/e2eSession'

const SAMPLE = `oci:${path.resolve(import.meta.dirname, '../../../assets/samples/multi-platform')}:demo`
const PROJECTOR = { width: 1024, height: 700 } as const

const session = useE2eSession({ name: 'presentation' })

interface Rect {
  readonly x: number
  readonly y: number
  readonly width: number
  readonly height: number
}

async function box(page: Page, selector: string): Promise<Rect> {
  const found = await page.locator(selector).first().boundingBox()
  assert.ok(found, `${selector} is on screen`)
  return found
}

/** Runs in the page: the on-screen size of the smallest text on a graph card, in CSS px. */
const SMALLEST_CARD_TEXT = `Math.min(...[...document.querySelectorAll('[data-testid="graph-node"] text')]
  .filter((t) => (t.textContent ?? '').trim() !== '')
  .map((t) => parseFloat(getComputedStyle(t).fontSize) * (t.getScreenCTM()?.a ?? 1)))`

/** Runs in the page: each card's label, its drawn width and the room its card leaves for it. */
const CARD_LABELS = `[...document.querySelectorAll('[data-testid="graph-node"]')].map((g) => {
  const label = g.querySelector('text.node-label')
  const card = g.querySelector('rect.node-card')
  return {
    text: label?.textContent ?? '',
    width: label?.getComputedTextLength() ?? 0,
    room: (card?.width.baseVal.value ?? 0) - 27,
  }
})`

/**
 * Runs in the page: the lowest contrast ratio (WCAG 2 relative luminance) of any visible text,
 * HTML text against the first opaque background up its ancestors, card text against the fill
 * of its badge or card. Returns the worst few with what they are.
 */
const WORST_CONTRAST = `(() => {
  const parse = (c) => {
    const m = c.match(/rgba?\\(([^)]+)\\)/)
    if (!m) return null
    const [r, g, b, a = 1] = m[1].split(/[ ,/]+/).filter(Boolean).map(Number)
    return { r, g, b, a }
  }
  const lum = ({ r, g, b }) => {
    const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4 }
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b)
  }
  const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05) }
  const htmlBackground = (el) => {
    for (let e = el; e; e = e.parentElement) {
      const c = parse(getComputedStyle(e).backgroundColor)
      if (c && c.a > 0.5) return c
    }
    return parse(getComputedStyle(document.body).backgroundColor) || { r: 255, g: 255, b: 255, a: 1 }
  }
  const results = []
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement
    const text = (node.textContent || '').trim()
    if (!el || !text || el.closest('script, style, .sr-only, .skip-link, [hidden], [aria-hidden="true"]')) continue
    const rect = el.getBoundingClientRect()
    if (rect.width === 0 || rect.height === 0) continue
    const style = getComputedStyle(el)
    if (style.visibility === 'hidden' || style.display === 'none' || Number(style.opacity) < 0.5) continue
    let fg, bg
    if (el instanceof SVGElement) {
      fg = parse(style.fill)
      const holder = el.closest('.node-badge') || el.closest('[data-testid="graph-node"]')
      const shape = holder && holder.querySelector('rect')
      bg = shape ? parse(getComputedStyle(shape).fill) : htmlBackground(el.closest('svg'))
      if (bg && bg.a <= 0.5) bg = htmlBackground(el.closest('svg'))
    } else {
      fg = parse(style.color)
      bg = htmlBackground(el)
    }
    if (!fg || !bg) continue
    results.push({ text: text.slice(0, 40), ratio: ratio(fg, bg) })
  }
  results.sort((a, b) => a.ratio - b.ratio)
  return { count: results.length, worst: results.slice(0, 5) }
})()`

interface Contrast {
  readonly count: number
  readonly worst: readonly { readonly text: string; readonly ratio: number }[]
}

test('present=1 at 1024×700: the whole multi-platform graph, no chrome, large type, 7:1 contrast; "p" and the button toggle it', async () => {
  const { page, pageErrors } = await session().open(
    `ref=${encodeURIComponent(SAMPLE)}&view=graph&present=1&lang=en`,
    PROJECTOR,
  )
  const nodes = page.locator('[data-testid="graph-node"]')
  await nodes.first().waitFor()
  assert.equal(await page.locator('html').getAttribute('data-present'), '1')

  // No sidebar, no status bar; the top bar is a thin strip.
  assert.equal(await page.locator('#sources').isVisible(), false, 'the sidebar is hidden')
  assert.equal(await page.locator('footer.statusbar').count(), 0, 'no status bar')
  const strip = await box(page, '[data-testid="topbar"]')
  assert.ok(strip.height <= 48, `top bar strip is ${strip.height}px high`)
  assert.ok(await page.getByTestId('present-toggle').isVisible())
  assert.ok(await page.getByTestId('language-switch').isVisible())

  // The whole graph inside the canvas: every node's card.
  const canvas = await box(page, '.graph-stage')
  const cards = await page.locator('[data-testid="graph-node"] rect.node-card').all()
  assert.ok(cards.length >= 5, `${cards.length} nodes`)
  for (const [i, card] of cards.entries()) {
    const b = await card.boundingBox()
    const where = `node ${i} at ${JSON.stringify(b)} in ${JSON.stringify(canvas)}`
    assert.ok(b && b.width > 0 && b.height > 0, where)
    assert.ok(b.x >= canvas.x - 1 && b.y >= canvas.y - 1, where)
    assert.ok(b.x + b.width <= canvas.x + canvas.width + 1, where)
    assert.ok(b.y + b.height <= canvas.y + canvas.height + 1, where)
  }

  // No card label is cut: no ellipsis, and each label's text fits inside its card (padding 15 + 12).
  const labels = await page.evaluate<{ text: string; width: number; room: number }[]>(CARD_LABELS)
  assert.equal(labels.length, cards.length, 'every card has a label')
  console.log(
    `presentation labels: ${labels.map((l) => `${l.text} (${l.width.toFixed(0)}/${l.room})`).join(' | ')}`,
  )
  for (const label of labels) {
    assert.ok(!label.text.includes('…'), `label cut: ${JSON.stringify(label)}`)
    assert.ok(
      label.width <= label.room + 0.5,
      `label wider than its card: ${JSON.stringify(label)}`,
    )
  }
  assert.ok(
    labels.some((l) => /linux\/amd64/.test(l.text)) &&
      labels.some((l) => /linux\/arm64/.test(l.text)),
    `the manifests show their platforms: ${labels.map((l) => l.text).join(' | ')}`,
  )

  // Large type: the body at 20 px, card text at 16 px or more on screen at Fit.
  const bodyPx = await page.evaluate<number>('parseFloat(getComputedStyle(document.body).fontSize)')
  assert.ok(bodyPx >= 20, `body text ${bodyPx}px`)
  const smallest = await page.evaluate<number>(SMALLEST_CARD_TEXT)
  console.log(`presentation: smallest card text ${smallest.toFixed(1)}px at 1024×700`)
  assert.ok(smallest >= 16, `card text ${smallest.toFixed(1)}px`)

  // Contrast of every visible text, light then dark.
  for (const theme of ['light', 'dark']) {
    await page.evaluate(`document.documentElement.dataset.theme = '${theme}'`)
    const contrast = await page.evaluate<Contrast>(WORST_CONTRAST)
    const worst = contrast.worst[0]
    console.log(
      `presentation ${theme}: ${contrast.count} texts, lowest contrast ${worst?.ratio.toFixed(2)} (${worst?.text})`,
    )
    assert.ok(contrast.count > 10, `${theme}: texts measured`)
    assert.ok(worst && worst.ratio >= 7, `${theme}: ${JSON.stringify(contrast.worst)}`)
  }

  // In Spanish too, every card label is whole.
  const spanish = new URL(page.url())
  spanish.searchParams.set('lang', 'es')
  await page.goto(spanish.toString())
  await page.locator('html[lang="es"] [data-testid="graph-node"]').first().waitFor()
  const spanishLabels =
    await page.evaluate<{ text: string; width: number; room: number }[]>(CARD_LABELS)
  assert.ok(
    spanishLabels.some((l) => l.text.startsWith('capa')),
    'Spanish labels',
  )
  for (const label of spanishLabels) {
    assert.ok(!label.text.includes('…') && label.width <= label.room + 0.5, JSON.stringify(label))
  }

  // "p" leaves presentation mode (present dropped from the URL), "p" again comes back.
  await page.locator('main').click({ position: { x: 5, y: 5 } })
  await page.keyboard.press('p')
  await page.locator('#sources').waitFor()
  assert.equal(new URL(page.url()).searchParams.get('present'), null)
  assert.equal(await page.locator('html').getAttribute('data-present'), null)
  assert.ok(await page.locator('footer.statusbar').isVisible(), 'the status bar is back')
  await page.keyboard.press('p')
  await page.locator('#sources').waitFor({ state: 'hidden' })
  assert.equal(new URL(page.url()).searchParams.get('present'), '1')
  // Typing "p" in the Open box is typing, not a toggle; the button leaves too.
  await page.getByTestId('present-toggle').click()
  await page.locator('#sources').waitFor()
  await page.getByTestId('open-input').fill('')
  await page.getByTestId('open-input').press('p')
  assert.equal(new URL(page.url()).searchParams.get('present'), null)
  assert.equal(await page.getByTestId('open-input').inputValue(), 'p')
  assert.deepEqual(pageErrors, [])
  await page.close()
})
