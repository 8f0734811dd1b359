// Every process the benchmark starts is registered here and stopped by its PID: SIGTERM,
// then SIGKILL after a grace period. stopAll() runs at the end, on error and on SIGINT.
import type { ChildProcess } from 'node:child_process'
import { fork } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import type { Request, Response } from './protocol.ts'

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
export type WorkerRequest = DistributiveOmit<Request, 'id'>

/** A worker process (./worker.ts) and its request/answer channel over IPC. */
export class WorkerClient {
  readonly child: ChildProcess
  readonly index: number
  private nextId = 1
  private readonly pending = new Map<number, { resolve: (v: unknown) => void, reject: (e: Error) => void }>()

  constructor (index: number) {
    this.index = index
    const script = fileURLToPath(new URL('./worker.ts', import.meta.url))
    this.child = track(fork(script, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }))
    this.child.on('message', (r: Response) => {
      const p = this.pending.get(r.id)
      if (p === undefined) return
      this.pending.delete(r.id)
      if (r.ok) p.resolve(r.result)
      else p.reject(new Error(`worker ${this.index}: ${r.error}`))
    })
    this.child.once('exit', (code, signal) => {
      for (const p of this.pending.values()) p.reject(new Error(`worker ${this.index} exited (${code ?? signal})`))
      this.pending.clear()
    })
  }

  /** Sends a request; rejects after timeoutMs. */
  async request<T> (req: WorkerRequest, timeoutMs: number): Promise<T> {
    const id = this.nextId++
    return await new Promise<T>((resolve, reject) => {
      const t = setTimeout(() => {
        this.pending.delete(id)
        reject(new Error(`worker ${this.index}: '${req.op}' got no answer within ${timeoutMs} ms`))
      }, timeoutMs)
      this.pending.set(id, {
        resolve: v => { clearTimeout(t); resolve(v as T) },
        reject: e => { clearTimeout(t); reject(e) }
      })
      this.child.send({ ...req, id })
    })
  }

  /** Asks the worker to stop its node and exit (so a CPU profile is written), then stops it by PID. */
  async stop (): Promise<void> {
    if (alive(this.child)) await this.request({ op: 'stop' }, 8000).catch(() => {})
    await waitExit(this.child, 3000)
    await stopProcess(this.child)
  }
}
