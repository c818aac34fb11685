// Server-sent events: the web transport's one event channel (the ipc transport has its own).

import type { ServerResponse } from 'node:http'
import type { ApiEvent } from '../../shared/api'

export class EventHub {
  private readonly clients = new Set<ServerResponse>()

  attach(response: ServerResponse): void {
    response.writeHead(200, {
      'content-type': 'text/event-stream',
      'cache-control': 'no-store',
      connection: 'keep-alive',
    })
    response.write(': connected\n\n')
    this.clients.add(response)
    response.on('close', () => this.clients.delete(response))
  }

  emit = (event: ApiEvent): void => {
    const frame = `data: ${JSON.stringify(event)}\n\n`
    for (const client of this.clients) client.write(frame)
  }

  closeAll(): void {
    for (const client of this.clients) client.end()
    this.clients.clear()
  }
}
