// Web mode: electron/serve.ts opens the page with ?token=…. The token is read once, kept in
// localStorage and taken out of the address bar at once, so no link, history entry or copied
// address carries it. localStorage belongs to this origin, port included: no other server on
// 127.0.0.1 can read it, and tabs opened from our links (which carry no token) find it there.
// What stays behind after Strata exits is a dead token: each launch makes a new one.
// Api calls send it in a header; downloads use one-time nonces (api/webCall.ts).
const STORAGE_KEY = 'strata.launchToken'

function readPageToken(): string | undefined {
  const url = new URL(window.location.href)
  const fromUrl = url.searchParams.get('token')
  if (fromUrl) {
    try {
      window.localStorage.setItem(STORAGE_KEY, fromUrl)
    } catch {
      // Storage refused (a locked-down profile): the token lives only in this page's memory.
    }
    url.searchParams.delete('token')
    window.history.replaceState(window.history.state, '', `${url.pathname}${url.search}${url.hash}`)
    return fromUrl
  }
  try {
    return window.localStorage.getItem(STORAGE_KEY) ?? undefined
  } catch {
    return undefined
  }
}

export const pageToken: string | undefined = readPageToken()
