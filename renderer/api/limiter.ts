// At most N tasks in flight; the rest wait in order. A waiting task whose signal aborts (its
// row scrolled away, the view closed) leaves the queue without ever starting.

export interface Limiter {
  run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T>
  readonly active: number
  readonly waiting: number
}

class AbortedWhileWaiting extends Error {
  constructor() {
    super('The operation was cancelled before it started.')
    this.name = 'AbortError'
  }
}

export function createLimiter(maxInFlight: number): Limiter {
  let active = 0
  const queue: { start: () => void; signal?: AbortSignal }[] = []

  const pump = (): void => {
    while (active < maxInFlight && queue.length > 0) {
      const next = queue.shift()
      if (next && !next.signal?.aborted) next.start()
    }
  }

  return {
    get active() {
      return active
    },
    get waiting() {
      return queue.length
    },
    run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        if (signal?.aborted) {
          reject(new AbortedWhileWaiting())
          return
        }
        const entry = {
          start: () => {
            signal?.removeEventListener('abort', onAbort)
            active++
            void task()
              .then(resolve, reject)
              .finally(() => {
                active--
                pump()
              })
          },
          ...(signal && { signal }),
        }
        const onAbort = (): void => {
          const index = queue.indexOf(entry)
          if (index >= 0) queue.splice(index, 1)
          reject(new AbortedWhileWaiting())
        }
        signal?.addEventListener('abort', onAbort, { once: true })
        queue.push(entry)
        pump()
      })
    },
  }
}
