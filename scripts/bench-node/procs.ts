// Every process the benchmark starts is registered here and stopped by its PID: SIGTERM,
// then SIGKILL after a grace period. stopAll() runs at the end, on error and on SIGINT.
import type { ChildProcess } from 'node:child_process'
import { fork } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import type { Request } from './protocol.ts'

const children = new Set<ChildProcess>()

// Last resort (an uncaught error, process.exit): whatever is still registered is killed by PID.
process.on('exit', () => {
  for (const c of children) if (c.pid !== undefined && alive(c)) { try { process.kill(c.pid, 'SIGKILL') } catch {} }
})

export function track (child: ChildProcess): ChildProcess {
  children.add(child)
  child.once('exit', () => { children.delete(child) })
  return child
}

function alive (child: ChildProcess): boolean {
  return child.exitCode === null && child.signalCode === null
}

async function waitExit (child: ChildProcess, ms: number): Promise<boolean> {
  if (!alive(child)) return true
  return await new Promise(resolve => {
    const t = setTimeout(() => { resolve(false) }, ms)
    child.once('exit', () => { clearTimeout(t); resolve(true) })
  })
}

/** Stops one process by PID: SIGTERM, then SIGKILL if it has not exited within graceMs. */
export async function stopProcess (child: ChildProcess, graceMs = 5000): Promise<void> {
  if (child.pid === undefined || !alive(child)) { children.delete(child); return }
  try { process.kill(child.pid, 'SIGTERM') } catch {}
  if (!await waitExit(child, graceMs)) {
    try { process.kill(child.pid, 'SIGKILL') } catch {}
    await waitExit(child, 2000)
  }
  children.delete(child)
}

export async function stopAll (graceMs = 5000): Promise<void> {
  await Promise.all([...children].map(async c => { await stopProcess(c, graceMs) }))
}

export function livePids (): number[] {
  return [...children].filter(alive).flatMap(c => c.pid === undefined ? [] : [c.pid])
}

type DistributiveOmit<T, K extends keyof any> = T extends unknown ? Omit<T, K> : never
type Answer = { id: number } & ({ ok: true, result: unknown } | { ok: false, error: string })

/**
 * A forked worker script and its request/answer channel over IPC: a request carries an id, the
 * worker answers {id, ok, result | error}. Used by bench:node and bench:lan.
 */
export class IpcWorker<Req extends { op: string, id: number }> {
  readonly child: ChildProcess
  readonly label: string
  private nextId = 1
  private readonly pending = new Map<number, { resolve: (v: unknown) => void, reject: (e: Error) => void }>()

  constructor (script: string, args: string[], label: string) {
    this.label = label
    this.child = track(fork(script, args, { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }))
    this.child.on('message', (r: Answer) => {
      const p = this.pending.get(r.id)
      if (p === undefined) return
      this.pending.delete(r.id)
      if (r.ok) p.resolve(r.result)
      else p.reject(new Error(`${this.label}: ${r.error}`))
    })
    this.child.once('exit', (code, signal) => {
      for (const p of this.pending.values()) p.reject(new Error(`${this.label} exited (${code ?? signal})`))
      this.pending.clear()
    })
  }

  get alive (): boolean {
    return alive(this.child)
  }

  /** Sends a request; rejects after timeoutMs or when the process exits. */
  async request<T> (req: DistributiveOmit<Req, 'id'>, timeoutMs: number): Promise<T> {
    if (!this.alive) throw new Error(`${this.label} is not running`)
    const id = this.nextId++
    return await new Promise<T>((resolve, reject) => {
      const t = setTimeout(() => {
        this.pending.delete(id)
        reject(new Error(`${this.label}: '${req.op}' got no answer within ${timeoutMs} ms`))
      }, timeoutMs)
      this.pending.set(id, {
        resolve: v => { clearTimeout(t); resolve(v as T) },
        reject: e => { clearTimeout(t); reject(e) }
      })
      this.child.send({ ...req, id })
    })
  }

  /** kill -9: SIGKILL by PID, nothing closed; resolves once the process exited (at most 5 s). */
  async kill (): Promise<void> {
    if (this.child.pid === undefined || !this.alive) return
    try { process.kill(this.child.pid, 'SIGKILL') } catch {}
    await waitExit(this.child, 5000)
  }

  /**
   * Asks the worker to stop (so it closes what it holds, and a CPU profile is written), waits
   * up to exitMs for it to exit, then stops it by PID.
   */
  async stop (exitMs = 3000): Promise<void> {
    if (this.alive) await this.request({ op: 'stop' } as DistributiveOmit<Req, 'id'>, 8000).catch(() => {})
    await waitExit(this.child, exitMs)
    await stopProcess(this.child, 3000)
  }
}

/** A bench:node worker process (./worker.ts). */
export class WorkerClient extends IpcWorker<Request> {
  readonly index: number

  constructor (index: number) {
    super(fileURLToPath(new URL('./worker.ts', import.meta.url)), [], `worker ${index}`)
    this.index = index
  }
}

let stopping = false

/** Stops every process the benchmark started (once), then exits with `code`. */
export async function shutdown (code: number): Promise<never> {
  if (!stopping) {
    stopping = true
    await stopAll()
  }
  process.exit(code)
}

/** SIGINT / SIGTERM end the benchmark through shutdown(). */
export function stopAllOnSignals (): void {
  process.on('SIGINT', () => { void shutdown(130) })
  process.on('SIGTERM', () => { void shutdown(143) })
}
