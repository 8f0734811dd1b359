// Time from starting 20 `meshcast node` processes (the real CLI, bin/meshcast.js) to the
// first delivered message. Node 0 starts first (the others need its address to bootstrap);
// the other 19 start at once with --bootstrap node 0. As soon as a node prints its JSON line
// (its control socket is up), subscribers 1..10 subscribe through the control socket and the
// publisher (node 11) publishes every `intervalMs` until every subscriber has had a message.
// All processes are stopped by PID at the end.
import type { ChildProcess } from 'node:child_process'
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { connectControl } from '../../src/cli/control.ts'
import { stopProcess, track } from './procs.ts'

export interface StartupOptions {
  nodes: number
  subscribers: number
  /** Publish interval while waiting for deliveries. */
  intervalMs: number
  /** Hard limit for the whole phase. */
  timeLimitMs: number
  topic: string
}

export interface StartupResult {
  /** ms from spawning node 0 until... */
  firstNodeUpMs: number
  allNodesUpMs: number
  firstSubscriptionReadyMs: number | null
  allSubscriptionsReadyMs: number | null
  firstDeliveryMs: number | null
  allSubscribersDeliveredMs: number | null
  published: number
  /** Index of the first publish that was delivered anywhere (earlier ones found no tree yet). */
  firstDeliveredIndex: number | null
  stopMs: number
}

const BIN = fileURLToPath(new URL('../../bin/meshcast.js', import.meta.url))

interface Started { child: ChildProcess, info: { peerId: string, addrs: string[] }, dataDir: string }

async function startNode (dataDir: string, bootstrap: string[], timeoutMs: number, stderrTail: string[]): Promise<Started> {
  const args = [BIN, 'node', '--data', dataDir, '--json', '--open', ...bootstrap.flatMap(b => ['--bootstrap', b])]
  const child = track(spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] }))
  child.stderr?.setEncoding('utf8')
  child.stderr?.on('data', (s: string) => { stderrTail.push(s); if (stderrTail.length > 20) stderrTail.shift() })
  const lines = createInterface({ input: child.stdout! })
  const info = await new Promise<Started['info']>((resolve, reject) => {
    const t = setTimeout(() => { reject(new Error(`meshcast node --data ${dataDir} printed nothing within ${timeoutMs} ms`)) }, timeoutMs)
    lines.once('line', line => { clearTimeout(t); try { resolve(JSON.parse(line)) } catch (err) { reject(err as Error) } })
    child.once('exit', code => { clearTimeout(t); reject(new Error(`meshcast node exited with ${code}: ${stderrTail.join('').slice(-500)}`)) })
  })
  return { child, info, dataDir }
}

export async function runStartup (o: StartupOptions, log: (s: string) => void): Promise<StartupResult> {
  const root = mkdtempSync(join(tmpdir(), 'meshcast-bench-'))
  const started: Started[] = []
  const closers: Array<() => void> = []
  const stderrTail: string[] = []
  const t0 = performance.now()
  const since = (): number => Math.round(performance.now() - t0)
  const r: StartupResult = {
    firstNodeUpMs: 0, allNodesUpMs: 0, firstSubscriptionReadyMs: null, allSubscriptionsReadyMs: null,
    firstDeliveryMs: null, allSubscribersDeliveredMs: null, published: 0, firstDeliveredIndex: null, stopMs: 0
  }
  const deadline = t0 + o.timeLimitMs
  const ready = new Set<number>()
  const delivered = new Set<number>()
  let finished!: () => void
  const done = new Promise<void>(resolve => { finished = resolve })
  const timer = setTimeout(finished, o.timeLimitMs)

  const subscribe = async (i: number, dataDir: string): Promise<void> => {
    const c = await connectControl(dataDir)
    closers.push(c.close)
    c.request({ op: 'subscribe', topic: o.topic })
    for await (const line of c.lines) {
      const m = JSON.parse(line) as { ok?: boolean, ready?: boolean, error?: string, message?: { data: string } }
      if (m.ok === false) throw new Error(`subscriber ${i}: ${m.error ?? ''}`)
      if (m.ready === true) {
        ready.add(i)
        r.firstSubscriptionReadyMs ??= since()
        if (ready.size === o.subscribers) r.allSubscriptionsReadyMs = since()
      }
      if (m.message !== undefined) {
        if (r.firstDeliveryMs === null) { r.firstDeliveryMs = since(); r.firstDeliveredIndex = Number(m.message.data) }
        delivered.add(i)
        if (delivered.size === o.subscribers) { r.allSubscribersDeliveredMs = since(); finished() }
      }
    }
  }

  const publish = async (dataDir: string): Promise<void> => {
    const c = await connectControl(dataDir)
    closers.push(c.close)
    void (async () => { for await (const line of c.lines) { const m = JSON.parse(line) as { ok: boolean, error?: string }; if (!m.ok) log(`publish: ${m.error ?? ''}`) } })().catch(() => {})
    // Bounded: stops at the first of all subscribers delivered, the time limit, or the count.
    const maxCount = Math.ceil(o.timeLimitMs / o.intervalMs)
    while (r.allSubscribersDeliveredMs === null && performance.now() < deadline && r.published < maxCount) {
      c.request({ op: 'publish', topic: o.topic, data: String(r.published) })
      r.published++
      await new Promise(resolve => setTimeout(resolve, o.intervalMs))
    }
  }

  const work: Array<Promise<void>> = []
  const onUp = (i: number, s: Started): void => {
    started[i] = s
    if (i >= 1 && i <= o.subscribers) work.push(subscribe(i, s.dataDir).catch(err => { log(String(err)) }))
    if (i === o.subscribers + 1) work.push(publish(s.dataDir).catch(err => { log(String(err)) }))
  }
  try {
    const first = await startNode(join(root, 'n0'), [], o.timeLimitMs, stderrTail)
    r.firstNodeUpMs = since()
    onUp(0, first)
    const boot = first.info.addrs.filter(a => a.includes('/tcp/'))
    await Promise.all(Array.from({ length: o.nodes - 1 }, async (_, k) => {
      const i = k + 1
      onUp(i, await startNode(join(root, `n${i}`), boot, Math.max(1000, deadline - performance.now()), stderrTail))
    }))
    r.allNodesUpMs = since()
    log(`[bench:node] ${o.nodes} meshcast node processes up after ${r.allNodesUpMs} ms`)
    await done
  } finally {
    clearTimeout(timer)
    finished()
    for (const close of closers) close()
    const t1 = performance.now()
    await Promise.all(started.map(async s => { if (s !== undefined) await stopProcess(s.child) }))
    r.stopMs = Math.round(performance.now() - t1)
    await Promise.allSettled(work)
    rmSync(root, { recursive: true, force: true })
  }
  return r
}
