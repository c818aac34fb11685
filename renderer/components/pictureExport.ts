// Pictures of views for class material, made in the page: an SVG with the view's computed
// styles written onto each element (so the file looks the same outside the app, in the theme
// shown), generic font families, a background and a visible title; a PNG is that SVG drawn on
// a canvas at twice its size. Nothing goes to a server.

const SVG_NS = 'http://www.w3.org/2000/svg'

/** Styles that decide how SVG content looks; written as presentation attributes. */
const STYLE_PROPERTIES = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-dasharray',
  'stroke-linecap',
  'stroke-linejoin',
  'opacity',
  'font-size',
  'font-weight',
  'font-style',
  'text-anchor',
  'dominant-baseline',
  'visibility',
  'letter-spacing',
  'text-decoration',
] as const

const MARGIN = 16
const TITLE_BAND = 36

/** A font stack as one generic family, so no font has to be installed to read the picture. */
function genericFamily(family: string): string {
  return /mono|courier|consol/i.test(family) ? 'monospace' : 'sans-serif'
}

function copyStyles(from: Element, to: Element): void {
  const computed = getComputedStyle(from)
  for (const property of STYLE_PROPERTIES) {
    const value = computed.getPropertyValue(property)
    if (value !== '') to.setAttribute(property, value)
  }
  to.setAttribute('font-family', genericFamily(computed.fontFamily))
  if (computed.display === 'none') to.setAttribute('display', 'none')
  to.removeAttribute('class')
  to.removeAttribute('style')
  to.removeAttribute('tabindex')
}

/** The page's background colour in the theme shown. */
export function themeBackground(): string {
  for (const element of [document.querySelector('main'), document.body, document.documentElement]) {
    if (!element) continue
    const colour = getComputedStyle(element).backgroundColor
    if (colour !== '' && colour !== 'transparent' && colour !== 'rgba(0, 0, 0, 0)') return colour
  }
  return '#ffffff'
}

export function themeText(): string {
  return getComputedStyle(document.body).color || '#000000'
}

/**
 * Bounds of the drawing. `unzoom`: the top-level groups carry the view's pan and zoom, which
 * are how the drawing is looked at, not part of it; their own boxes leave that transform out.
 */
function drawingBounds(svg: SVGSVGElement, unzoom: boolean): Box {
  // getBBox answers an SVGRect: x, y, width and height only.
  if (!unzoom) return boxOf(svg.getBBox())
  let box: Box | undefined
  for (const child of Array.from(svg.children)) {
    if (!(child instanceof SVGGraphicsElement)) continue
    const own = boxOf(child.getBBox())
    if (own.width === 0 && own.height === 0) continue
    if (box === undefined) {
      box = own
      continue
    }
    const x = Math.min(box.x, own.x)
    const y = Math.min(box.y, own.y)
    const right = Math.max(box.x + box.width, own.x + own.width)
    const bottom = Math.max(box.y + box.height, own.y + own.height)
    box = { x, y, width: right - x, height: bottom - y }
  }
  return box ?? { x: 0, y: 0, width: svg.clientWidth, height: svg.clientHeight }
}

interface Box {
  readonly x: number
  readonly y: number
  readonly width: number
  readonly height: number
}

const boxOf = (rect: Box): Box => ({ x: rect.x, y: rect.y, width: rect.width, height: rect.height })

export interface PictureSvg {
  readonly text: string
  readonly width: number
  readonly height: number
}

/** Wraps drawn content (already styled) in a standalone SVG with a background and a title. */
export function standalonePicture(
  content: Element,
  bounds: { x: number; y: number; width: number; height: number },
  title: string,
): PictureSvg {
  const width = Math.ceil(bounds.width + 2 * MARGIN)
  const height = Math.ceil(bounds.height + 2 * MARGIN + TITLE_BAND)
  const svg = document.createElementNS(SVG_NS, 'svg')
  svg.setAttribute('xmlns', SVG_NS)
  svg.setAttribute('width', String(width))
  svg.setAttribute('height', String(height))
  svg.setAttribute(
    'viewBox',
    `${bounds.x - MARGIN} ${bounds.y - MARGIN - TITLE_BAND} ${width} ${height}`,
  )
  const titleElement = document.createElementNS(SVG_NS, 'title')
  titleElement.textContent = title
  const background = document.createElementNS(SVG_NS, 'rect')
  background.setAttribute('x', String(bounds.x - MARGIN))
  background.setAttribute('y', String(bounds.y - MARGIN - TITLE_BAND))
  background.setAttribute('width', String(width))
  background.setAttribute('height', String(height))
  background.setAttribute('fill', themeBackground())
  const caption = document.createElementNS(SVG_NS, 'text')
  caption.setAttribute('x', String(bounds.x))
  caption.setAttribute('y', String(bounds.y - MARGIN))
  caption.setAttribute('font-family', 'sans-serif')
  caption.setAttribute('font-size', '16')
  caption.setAttribute('font-weight', '600')
  caption.setAttribute('fill', themeText())
  caption.setAttribute('data-picture-title', '')
  caption.textContent = title
  svg.append(titleElement, background, caption, content)
  return { text: new XMLSerializer().serializeToString(svg), width, height }
}

/**
 * The drawing of a live SVG view, styles inlined, as a standalone picture; `unzoom` for views
 * whose top-level groups carry pan and zoom (the graph).
 */
export function pictureOfSvg(view: SVGSVGElement, title: string, unzoom = false): PictureSvg {
  const bounds = drawingBounds(view, unzoom)
  const group = document.createElementNS(SVG_NS, 'g')
  for (const child of Array.from(view.children)) {
    const copy = child.cloneNode(true) as Element
    if (unzoom && child instanceof SVGGElement) copy.removeAttribute('transform')
    const originals = [child, ...Array.from(child.querySelectorAll('*'))]
    const copies = [copy, ...Array.from(copy.querySelectorAll('*'))]
    originals.forEach((original, i) => {
      const target = copies[i]
      if (target) copyStyles(original, target)
    })
    group.append(copy)
  }
  return standalonePicture(group, bounds, title)
}

/** The SVG drawn at `scale` times its size on a canvas, as PNG bytes. */
export async function pngOfPicture(picture: PictureSvg, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([picture.text], { type: 'image/svg+xml' }))
  try {
    const image = new Image()
    image.src = url
    await image.decode()
    const canvas = document.createElement('canvas')
    canvas.width = picture.width * scale
    canvas.height = picture.height * scale
    const context = canvas.getContext('2d')
    if (!context) throw new Error('canvas 2d context unavailable')
    context.drawImage(image, 0, 0, canvas.width, canvas.height)
    return await new Promise<Blob>((resolve, reject) => {
      canvas.toBlob(
        (blob) => (blob ? resolve(blob) : reject(new Error('PNG encoding failed'))),
        'image/png',
      )
    })
  } finally {
    URL.revokeObjectURL(url)
  }
}
