// A Download link. The rendered href is the plain download address (no token, no nonce); a
// click first asks the api for the URL to open (web mode adds a one-time nonce made for this
// exact download, the desktop uses the address as is), then saves from there.
import { useState, type MouseEvent, type ReactNode } from 'react'
import { asApiError } from '../api/ApiCallError'
import { downloadUrl } from '../api/client'

/** Saves `url` under `fileName` the way a click on an `<a download>` does. */
function saveFrom(url: string, fileName: string): void {
  const anchor = document.createElement('a')
  anchor.href = url
  anchor.download = fileName
  anchor.rel = 'noopener'
  anchor.style.display = 'none'
  document.body.append(anchor)
  anchor.click()
  anchor.remove()
}

export function DownloadLink({
  href,
  fileName,
  className,
  testId,
  children,
}: {
  readonly href: string
  readonly fileName: string
  readonly className?: string
  readonly testId?: string
  readonly children: ReactNode
}) {
  const [error, setError] = useState<string>()
  const onClick = (event: MouseEvent<HTMLAnchorElement>): void => {
    event.preventDefault()
    setError(undefined)
    downloadUrl(href).then(
      (url) => saveFrom(url, fileName),
      (failure: unknown) => setError(asApiError(failure).message),
    )
  }
  return (
    <>
      <a
        className={className}
        href={href}
        download={fileName}
        data-testid={testId}
        onClick={onClick}
      >
        {children}
      </a>
      {error !== undefined ? (
        <span className="inline-error" role="alert" data-testid={testId && `${testId}-error`}>
          {error}
        </span>
      ) : null}
    </>
  )
}
