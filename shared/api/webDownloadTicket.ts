// Web mode downloads are plain navigations (`<a download>`), which cannot carry the token
// header. The page first POSTs the download's query to WEB_DOWNLOAD_TICKET_PATH (with the
// token header) and gets a one-time nonce bound to exactly those arguments; the link it then
// follows carries `nonce=…`. The desktop's strata://app protocol needs none of this.

export const WEB_DOWNLOAD_TICKET_PATH = '/api/download-ticket'
/** The query parameter carrying the one-time nonce on a web mode download URL. */
export const DOWNLOAD_NONCE_PARAM = 'nonce'

/** The ticket request body: the download URL's query string (with or without its "?"). */
export interface DownloadTicketRequest {
  readonly query: string
}

export interface DownloadTicket {
  readonly nonce: string
}
