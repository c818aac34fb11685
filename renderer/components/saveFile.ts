// Saving what the page made (a picture, a list) as a download, in the page: an object URL and
// a link with a download name. Kept apart from listExport.ts so that stays pure (unit tests run
// it under Node, without a document).

/** Saves text or bytes as a download in the page (an object URL, no server involved). */
export function saveFile(content: BlobPart, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }))
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.rel = 'noopener'
  document.body.append(link)
  link.click()
  link.remove()
  // The download has its own copy once started; give it a moment before letting go.
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
