// navigator.clipboard needs a secure context and focus; the textarea + execCommand path
// covers http web mode and older Electron policies.
export async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text)
      return true
    }
  } catch {
    // fall through to the fallback
  }
  const area = document.createElement('textarea')
  area.value = text
  area.setAttribute('readonly', '')
  area.className = 'clipboard-fallback'
  document.body.appendChild(area)
  area.select()
  try {
    // Deprecated but still the only synchronous fallback that works without permissions.
    return document.execCommand('copy')
  } catch {
    return false
  } finally {
    area.remove()
  }
}
