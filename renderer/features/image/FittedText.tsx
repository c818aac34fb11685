// SVG text that shortens itself with an ellipsis to fit a width, measured with the real font
// (SVG has no text-overflow). Renders the full text first, measures before paint, then cuts.
import { useLayoutEffect, useRef, useState, type SVGProps } from 'react'

interface FittedTextProps extends Omit<SVGProps<SVGTextElement>, 'ref' | 'children'> {
  readonly text: string
  readonly maxWidth: number
  /** Which end to cut: media types keep their distinctive tail. */
  readonly cut?: 'end' | 'start'
}

function fit(element: SVGTextElement, text: string, maxWidth: number, cut: 'end' | 'start') {
  const full = element.getComputedTextLength()
  if (full <= maxWidth || text.length < 2) return text
  const ellipsis = full / text.length
  const widthOf = (count: number): number =>
    count === 0
      ? 0
      : cut === 'end'
        ? element.getSubStringLength(0, count)
        : element.getSubStringLength(text.length - count, count)
  let low = 0
  let high = text.length - 1
  while (low < high) {
    const mid = Math.ceil((low + high) / 2)
    if (widthOf(mid) + ellipsis <= maxWidth) low = mid
    else high = mid - 1
  }
  return cut === 'end' ? `${text.slice(0, low)}…` : `…${text.slice(text.length - low)}`
}

export function FittedText({ text, maxWidth, cut = 'end', ...rest }: FittedTextProps) {
  const ref = useRef<SVGTextElement>(null)
  const key = `${cut}|${maxWidth}|${text}`
  const [fitted, setFitted] = useState<{ readonly key: string; readonly value: string }>()
  const shown = fitted?.key === key ? fitted.value : text

  useLayoutEffect(() => {
    const element = ref.current
    if (!element || fitted?.key === key) return
    try {
      setFitted({ key, value: fit(element, text, maxWidth, cut) })
    } catch {
      // Not laid out (hidden): keep the full text; the title shows it anyway.
      setFitted({ key, value: text })
    }
  }, [key, fitted, text, maxWidth, cut])

  return (
    <text ref={ref} {...rest}>
      {shown}
    </text>
  )
}
