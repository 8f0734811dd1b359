// meshcast as a bench:lan system: one meshcast node per subscriber, all in the subscriber
// process, and one publishing node in the publisher process, all on loopback (one LAN segment).
// "meshcast-zmq": the default node, data edges over ZeroMQ CURVE lanes; "meshcast-libp2p": the
// same nodes with lan: false, so data rides libp2p (Noise + Yamux) streams.
// The subscribers use the callback form of subscribe (nats.js style); the publisher awaits
// publish(), which resolves at once after the first (its queues are the node's, bounded).
import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks'
import { createNode } from '../../src/index.ts'
import type { MeshNode } from '../../src/index.ts'
import type { BenchSystem } from './system.ts'

const TOPIC = 'bench/lan'
const LISTEN = ['/ip4/127.0.0.1/tcp/0']
/**
 * Queue bounds raised to 100,000 frames per peer, as the zeromq baseline raises its high-water
 * marks to 100,000 messages: a burst is queued, not dropped. (Defaults: 4,096.)
 */
const TUNING = { lanSendHwm: 100_000, maxQueuedFrames: 100_000 }

interface Info { addrs: string[] }

/**
 * One line per node on stderr when it stops: drops by reason, tree repairs, and the libp2p
 * transport's control-plane figures (control frames sent, control queue high-water, control
 * overflows, liveness beats sent on the core's behalf), so a loss has its reason beside it.
 */
function report (role: string, n: MeshNode): void {
  const s = n.stats()
  const t = s.transport
  const failures = s.paths.reduce((k, p) => k + (p.lane?.failures ?? 0), 0)
  process.stderr.write(`[meshcast] ${role} ${n.peerId.slice(-8)}: dropped ${JSON.stringify(s.dropped)}, repairs ${s.core.repairs}, duplicates ${s.core.duplicates}, ` +
    `lane failures ${failures}, malformed ${s.core.malformedFrames}, control frames sent ${t.controlFramesSent}, control queue high-water ${t.controlQueueHighWater}, ` +
    `control overflows ${t.controlOverflows}, data dropped queue-full ${t.droppedQueueFull}\n`)
}

/**
 * BENCH_LAN_TRACE=1: every second, one line per process with the event loop's worst delay in
 * that second and, per node, its tree position and what moved (to see when and where a tree
 * repairs, queues grow or the loop stalls). Off by default.
 */
function trace (role: string, nodes: () => MeshNode[]): () => void {
  if (process.env.BENCH_LAN_TRACE !== '1') return () => {}
  const lag = monitorEventLoopDelay({ resolution: 10 })
  lag.enable()
  let gcMax = 0
  let gcSum = 0
  const gc = new PerformanceObserver(list => {
    for (const e of list.getEntries()) { gcMax = Math.max(gcMax, e.duration); gcSum += e.duration }
  })
  gc.observe({ entryTypes: ['gc'] })
  const t0 = performance.now()
  const timer = setInterval(() => {
    const parts = nodes().filter(n => n.isRunning).map(n => {
      const s = n.stats()
      const v = n.topics().find(t => t.topic === TOPIC)
      const c = s.core
      return `${n.peerId.slice(-4)}:${v?.role.slice(0, 4) ?? '-'}/p=${v?.parent?.slice(-4) ?? '-'}/ch=${v?.children.length ?? 0}` +
        ` rep=${c.repairs} dup=${c.duplicates} pub>${c.sent.publish} data>${c.sent.data} hb>${c.sent.heartbeat} lv>${c.sent.leave} ra>${c.sent.routeAck}` +
        ` q=${s.queued.libp2p} del=${s.counts.delivered} pend=${s.pending} ${buffers(n)}`
    })
    const mem = process.memoryUsage()
    process.stderr.write(`[trace] ${role} t=${((performance.now() - t0) / 1000).toFixed(0)}s lagmax=${(lag.max / 1e6).toFixed(0)}ms gcmax=${gcMax.toFixed(0)}ms gc=${gcSum.toFixed(0)}ms heap=${(mem.heapUsed / 1e6).toFixed(0)}MB ${parts.join(' | ')}\n`)
    lag.reset()
    gcMax = 0
    gcSum = 0
  }, 1000)
  timer.unref()
  return () => { clearInterval(timer); lag.disable(); gc.disconnect() }
}

/** Bytes held in the node's libp2p streams' own buffers (write, read) and the largest send window. */
function buffers (n: MeshNode): string {
  let w = 0
  let r = 0
  let win = 0
  for (const c of n.libp2p.getConnections()) {
    for (const st of c.streams as any[]) {
      w += st.writeBufferLength ?? 0
      r += st.readBufferLength ?? 0
      win = Math.max(win, st.sendWindowCapacity ?? 0, st.recvWindow ?? 0)
    }
  }
  return `wb=${(w / 1024).toFixed(0)}k rb=${(r / 1024).toFixed(0)}k win=${(win / 1024).toFixed(0)}k`
}

async function connectAll (node: MeshNode, addrs: string[]): Promise<void> {
  const { multiaddr } = await import('@multiformats/multiaddr')
  await Promise.all(addrs.map(async a => { await node.libp2p.dial(multiaddr(a)).catch(() => {}) }))
}

export async function create (variant: 'zmq' | 'libp2p'): Promise<BenchSystem> {
  const lan = variant === 'zmq' ? undefined : false
  return {
    name: `meshcast-${variant}`,
    startSubscribers: async ({ count, onMessage }) => {
      const nodes: MeshNode[] = []
      const untrace = trace('subscribers', () => nodes)
      const close = async (): Promise<void> => {
        untrace()
        // What the nodes dropped or failed, so a loss in the table has its reason beside it.
        for (const n of nodes) if (n.isRunning) report('node', n)
        await Promise.all(nodes.map(async n => { await n.stop() }))
      }
      try {
        const first = await createNode({ open: true, listen: LISTEN, lan, tuning: TUNING })
        nodes.push(first)
        for (let i = 1; i < count; i++) nodes.push(await createNode({ open: true, listen: LISTEN, lan, tuning: TUNING, bootstrap: [first.addrs[0]] }))
        const addrs = nodes.map(n => n.addrs[0])
        await Promise.all(nodes.map(async n => { await connectAll(n, addrs.filter(a => !n.addrs.includes(a))) }))
        const subs = nodes.map((n, i) => n.subscribe(TOPIC, { callback: (_err, m) => { onMessage(i, m.data) } }))
        await Promise.all(subs.map(async s => { await s.ready }))
        return { info: { addrs } satisfies Info, close }
      } catch (err) {
        await close()
        throw err
      }
    },
    startPublisher: async ({ info }) => {
      const { addrs } = info as Info
      const node = await createNode({ open: true, listen: LISTEN, lan, tuning: TUNING, bootstrap: [addrs[0]] })
      await connectAll(node, addrs)
      const untrace = trace('publisher', () => [node])
      return {
        send: async payload => { await node.publish(TOPIC, payload) },
        close: async () => {
          untrace()
          if (node.isRunning) report('publisher', node)
          await node.stop()
        }
      }
    }
  }
}
