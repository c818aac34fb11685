// Web mode: electron/serve.ts opens the page with ?token=…; every api call and every URL we
// navigate to carries it. Read once at startup so navigation can never lose it.
export const pageToken: string | undefined =
  new URLSearchParams(window.location.search).get('token') ?? undefined
