// An in-app link: a real href (copy, middle-click, open in a new tab in web mode) whose plain
// click navigates with pushState — the Electron window refuses page navigations.
import type { ReactNode } from 'react'
import { hrefFor, navigate } from '../routing/navigation'
import type { Route } from '../routing/route'

interface LinkProps {
  readonly to: Route
  readonly children: ReactNode
  readonly className?: string
  readonly title?: string
  readonly testId?: string
}

export function Link({ to, children, className, title, testId }: LinkProps) {
  return (
    <a
      href={hrefFor(to)}
      className={className}
      title={title}
      data-testid={testId}
      onClick={(event) => {
        if (
          event.button !== 0 ||
          event.metaKey ||
          event.ctrlKey ||
          event.shiftKey ||
          event.altKey
        ) {
          return
        }
        event.preventDefault()
        navigate(to)
      }}
    >
      {children}
    </a>
  )
}
