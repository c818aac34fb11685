// The one worker thread that indexes layers. Every index build running at once shares it, so
// three layers opened together cost one thread's heap and garbage, not three: each thread's
// V8 lets some 64 MB of dead output buffers pile up before it collects them (a 1 GiB zero
// layer flows through 4,096 of them), which made three concurrent zero bombs cost ~310 MB with
// a worker each. The thread starts with the first job and stops IDLE_MS after the last one
// ends, unless another comes first. The app asks for a thread kept ready (keepReady): it is
// started at launch, so no index waits the 30 to 50 ms a thread takes to start, and a thread
// that went idle after work is replaced by a fresh one (its heap back to a new thread's).

import { Worker } from 'node:worker_threads'
import { StrataError } from '../../shared/errors'
import type { FromWorker, ToWorker } from './indexWorkerProtocol'

/** What a job is told: the worker's messages for it, or that the worker failed. */
export interface JobListener {
  message(message: FromWorker): void
  failed(error: Error): void
}

/**
 * Node 20 does not apply the parent's `--import tsx` loader hooks inside worker threads, so a
 * .ts worker starts from a small bootstrap that registers tsx and then imports the file.
 */
function startWorker(url: URL): Worker {
  if (!url.pathname.endsWith('.ts')) return new Worker(url)
  // Resolved here, so the worker finds tsx whatever the process's working directory is.
  const tsxApi = import.meta.resolve('tsx/esm/api')
  const bootstrap =
    `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); ` +
    `return import(${JSON.stringify(url.href)}) })`
  return new Worker(bootstrap, { eval: true })
}

/**
 * How long a thread without jobs waits for the next one. The layers of an image are indexed
 * one after another (imageLayers.ts), and each used to start a thread of its own: 30 to 60 ms
 * of start-up per layer, before its first byte was read.
 */
export const IDLE_MS = 5_000

class WorkerHost {
  private worker: Worker | undefined
  /** Settles once the running thread said it is ready (or stopped). */
  private readiness: Promise<void> = Promise.resolve()
  private readonly jobs = new Map<number, JobListener>()
  private nextJob = 1
  /** Set while the thread has no job and waits for one before it stops. */
  private idle: NodeJS.Timeout | undefined
  /** A thread is kept running between jobs (keepReady), not only for IDLE_MS after one. */
  private keptReady = false

  constructor(private readonly url: URL) {}

  /** Registers a job (starting the thread if needed); returns its id and a sender. */
  open(listener: JobListener): { readonly job: number; readonly worker: Worker } {
    if (this.idle) {
      clearTimeout(this.idle)
      this.idle = undefined
    }
    const worker = this.worker ?? this.start()
    worker.ref()
    const job = this.nextJob++
    this.jobs.set(job, listener)
    return { job, worker }
  }

  /** The id of the thread running now, if one is. */
  get runningThread(): number | undefined {
    return this.worker?.threadId
  }

  /** Settles when the thread that jobs are sent to has loaded its modules (or failed). */
  ready(): Promise<void> {
    return this.readiness
  }

  /**
   * From now on a thread is always running, waiting for jobs without keeping the process
   * alive (once it is ready: a process waiting for that is not left with nothing to do).
   * Settles once the thread is ready.
   */
  keepReady(): Promise<void> {
    this.keptReady = true
    if (!this.worker) this.start()
    return this.readiness
  }

  /** Back to a thread only while there are jobs (and IDLE_MS after); stops an idle one now. */
  async stopKeepingReady(): Promise<void> {
    this.keptReady = false
    await this.stopIfIdle()
  }

  /**
   * The job is over. When it was the last, the thread waits IDLE_MS for the next one, not
   * keeping the process alive meanwhile, and then stops.
   */
  close(job: number): Promise<void> {
    this.jobs.delete(job)
    const worker = this.worker
    if (this.jobs.size > 0 || !worker) return Promise.resolve()
    worker.unref()
    clearTimeout(this.idle)
    this.idle = setTimeout(() => void this.replaceIdle(), IDLE_MS)
    this.idle.unref()
    return Promise.resolve()
  }

  /** The idle thread stops; one kept ready is replaced by a fresh thread. */
  private async replaceIdle(): Promise<void> {
    await this.stopIfIdle()
    if (this.keptReady && !this.worker) this.start()
  }

  /** Stops the thread now if it has no job (it would stop IDLE_MS later anyway). */
  async stopIfIdle(): Promise<void> {
    const worker = this.worker
    if (!worker || this.jobs.size > 0) return
    clearTimeout(this.idle)
    this.idle = undefined
    this.worker = undefined
    await worker.terminate()
  }

  private start(): Worker {
    const worker = startWorker(this.url)
    this.worker = worker
    let settle = (): void => undefined
    this.readiness = new Promise<void>((resolve) => (settle = resolve))
    worker.once('exit', () => settle())
    worker.once('error', () => settle())
    const failAll = (error: Error): void => {
      if (this.worker === worker) this.worker = undefined
      const listeners = [...this.jobs.values()]
      this.jobs.clear()
      for (const listener of listeners) listener.failed(error)
    }
    worker.on('message', (message: FromWorker) => {
      if (message.type !== 'ready') {
        this.jobs.get(message.job)?.message(message)
        return
      }
      settle()
      // Started without a job (kept ready): held the process only until it was ready.
      if (this.jobs.size === 0 && this.worker === worker) worker.unref()
    })
    worker.on('error', failAll)
    worker.on('exit', (code) => {
      // A terminate after the last job is the normal end; anything else fails what is left.
      if (this.worker !== worker) return
      failAll(new StrataError('INTERNAL', `the layer index worker stopped (exit code ${code})`))
    })
    return worker
  }
}

const hosts = new Map<string, WorkerHost>()

/** Stops every index thread that is waiting without a job now (a benchmark's cold start). */
export async function stopIdleIndexWorkers(): Promise<void> {
  await Promise.all([...hosts.values()].map((host) => host.stopIfIdle()))
}

/** The shared host for a worker script (one per script URL; in practice there is one). */
export function workerHost(url: URL): WorkerHost {
  let host = hosts.get(url.href)
  if (!host) {
    host = new WorkerHost(url)
    hosts.set(url.href, host)
  }
  return host
}

export function post(worker: Worker, message: ToWorker, transfer?: ArrayBuffer[]): void {
  worker.postMessage(message, transfer)
}
