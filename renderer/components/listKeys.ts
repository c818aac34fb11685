// Arrow keys in lists: ↓/↑ move focus between rows, Home/End jump. Rows mark their focus
// target with data-row-focus; Enter and Space are the focused button's own click.
import type { KeyboardEvent } from 'react'

export function handleListKeys(event: KeyboardEvent<HTMLElement>): void {
  const keys = ['ArrowDown', 'ArrowUp', 'Home', 'End']
  if (!keys.includes(event.key)) return
  const targets = [...event.currentTarget.querySelectorAll<HTMLElement>('[data-row-focus]')]
  if (targets.length === 0) return
  const current = targets.findIndex((el) => el === document.activeElement)
  let next = current
  if (event.key === 'ArrowDown') next = current < 0 ? 0 : Math.min(targets.length - 1, current + 1)
  if (event.key === 'ArrowUp') next = current < 0 ? 0 : Math.max(0, current - 1)
  if (event.key === 'Home') next = 0
  if (event.key === 'End') next = targets.length - 1
  event.preventDefault()
  targets[next]?.focus()
}
