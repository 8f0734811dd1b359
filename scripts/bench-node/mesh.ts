// The 20 worker processes of the comparison: each a meshcast node with gossipsub on the same
// libp2p host, all connected to each other on loopback. Then the load: one publisher, ten
// subscribers, a paced phase (latency) and a burst (throughput), for each system in turn,
// with bytes on the wire and CPU time taken around every phase.
import { appendFileSync } from 'node:fs'
import { join } from 'node:path'
import type { PhaseReport, PublishReport, Snapshot, StatsReport, System } from './protocol.ts'
import { WorkerClient } from './procs.ts'
import { percentile } from './stats.ts'

export interface MeshOptions {
  nodes: number
  subscribers: number
  topic: string
  paced: { count: number, rate: number }
  burst: { count: number, chunk: number }
  warmup: number
  systems: System[]
  /**
   * 'grouped' (default): each system's paced then burst phase, in the order of `systems`.
   * 'alternate': both paced phases, then both bursts.
   */
  order: 'grouped' | 'alternate'
  /** Bytes and CPU are also taken over an idle window this long (background traffic). */
  idleMs: number
  /** Write CPU profiles of the publisher, the busiest forwarder and a subscriber for every measured phase here. */
  profileDir?: string
  /** Append every delivery (system, phase, subscriber, index, latency) to this file as JSON lines. */
  dumpFile?: string
  /** false: the nodes send data over libp2p only (no ZeroMQ lanes). Default: the node's default (lanes on). */
  lan?: boolean
  /** Protocol options of every meshcast node (default: the node's defaults). */
  core?: { k?: number, maxChildren?: number }
}

export interface PhaseResult {
  system: System
  kind: 'paced' | 'burst'
  sent: number
  publishErrors: number
  lastError: string
  /** Deliveries expected: sent × subscribers. */
  expected: number
  delivered: number
  duplicates: number
  /** Publish start to last delivery. */
  durationMs: number
  /** Bytes-counting window (publish start to the end of the settle time). */
  windowMs: number
  p50: number | null
  p99: number | null
  max: number | null
  deliveriesPerSec: number
  publishedPerSec: number
  bytesWritten: number
  bytesPerDelivery: number | null
  socketWritesPerDelivery: number | null
  /** Application bytes per protocol (before Yamux and Noise) per delivery. */
  protocolBytesPerDelivery: Record<string, number>
  cpuMsPerDelivery: number | null
  /** Node counters (core and transport) changed during the phase, summed over nodes. */
  counters: Record<string, number>
  perSubscriber: number[]
  roles: string[]
}

export interface MeshResult {
  setupMs: number
  connectionsPerNode: number
  /** Background with both systems subscribed and nothing published; byProtocol: application bytes/s. */
  idle: { bytesPerSec: number, cpuPercent: number, byProtocol: Record<string, number> }
  phases: PhaseResult[]
  tree: StatsReport[]
  rssMiBMax: number
}

const sleep = async (ms: number): Promise<void> => { await new Promise(resolve => setTimeout(resolve, ms)) }

export function sumSnapshots (snaps: Snapshot[]): Snapshot {
  const total: Snapshot = { written: 0, read: 0, writes: 0, connections: 0, byProtocol: {}, cpuMicros: 0, rssMiB: 0, laneWritten: 0 }
  for (const s of snaps) {
    total.written += s.written
    total.read += s.read
    total.writes += s.writes
    total.connections += s.connections
    total.cpuMicros += s.cpuMicros
    total.laneWritten = (total.laneWritten ?? 0) + (s.laneWritten ?? 0)
    total.rssMiB = Math.max(total.rssMiB, s.rssMiB)
    for (const [p, b] of Object.entries(s.byProtocol)) total.byProtocol[p] = (total.byProtocol[p] ?? 0) + b
  }
  return total
}

export class BenchMesh {
  readonly o: MeshOptions
  readonly workers: WorkerClient[] = []
  /** Each worker's libp2p peer id, by index (after setUp). */
  peerIds: string[] = []
  /** Each worker's TCP multiaddr, by index (after setUp). */
  addrs: string[] = []
  private phaseId = 10
  private readonly log: (s: string) => void

  constructor (o: MeshOptions, log: (s: string) => void) {
    this.o = o
    this.log = log
  }

  get publisher (): WorkerClient { return this.workers[0] }
  get subscribers (): WorkerClient[] { return this.workers.slice(1, 1 + this.o.subscribers) }

  async snapshot (): Promise<Snapshot> {
    return sumSnapshots(await Promise.all(this.workers.map(async w => await w.request<Snapshot>({ op: 'snapshot' }, 30_000))))
  }

  /** Starts the workers, connects every node to every other, subscribes both systems. */
  async setUp (): Promise<{ setupMs: number, connectionsPerNode: number }> {
    const t0 = performance.now()
    for (let i = 0; i < this.o.nodes; i++) this.workers.push(new WorkerClient(i))
    const first = await this.workers[0].request<{ peerId: string, addrs: string[] }>({ op: 'start', bootstrap: [], lan: this.o.lan, core: this.o.core }, 60_000)
    const infos = [first, ...await Promise.all(this.workers.slice(1).map(async w => await w.request<{ peerId: string, addrs: string[] }>({ op: 'start', bootstrap: first.addrs, lan: this.o.lan, core: this.o.core }, 60_000)))]
    this.peerIds = infos.map(i => i.peerId)
    const addrs = this.addrs = infos.map(i => i.addrs.find(a => a.includes('/tcp/')) ?? i.addrs[0])
    // As createTestnet does: every node dials every other, so both systems see a full mesh.
    const dialled = await Promise.all(this.workers.map(async (w, i) => await w.request<{ peers: number, errors: string[] }>({ op: 'connect', addrs: addrs.filter((_, j) => j !== i) }, 60_000)))
    const errors = [...new Set(dialled.flatMap(d => d.errors))]
    if (errors.length > 0) this.log(`[bench:node] dial errors (each dial is tried up to 3 times): ${errors.join('; ')}`)
    const connectionsPerNode = Math.min(...dialled.map(d => d.peers))
    this.log(`[bench:node] ${this.o.nodes} workers up and connected (min ${connectionsPerNode} peers each) after ${Math.round(performance.now() - t0)} ms`)
    for (const system of this.o.systems) {
      await Promise.all(this.subscribers.map(async w => { await w.request({ op: 'subscribe', system, topic: this.o.topic, timeoutMs: 20_000 }, 25_000) }))
    }
    if (this.o.systems.includes('gossipsub')) {
      // Gossipsub: the publisher must know the subscribers (publish throws otherwise) and
      // the subscribers' meshes must have formed (heartbeat every second).
      const want = Math.min(4, this.o.subscribers - 1)
      const ready = await Promise.all([
        this.publisher.request<{ subscribers: number }>({ op: 'gossip-ready', topic: this.o.topic, subscribers: this.o.subscribers, mesh: 0, timeoutMs: 20_000 }, 25_000),
        ...this.subscribers.map(async w => await w.request<{ mesh: number }>({ op: 'gossip-ready', topic: this.o.topic, subscribers: 0, mesh: want, timeoutMs: 20_000 }, 25_000))
      ])
      this.log(`[bench:node] gossipsub: publisher knows ${(ready[0] as { subscribers: number }).subscribers} subscribers; mesh sizes ${ready.slice(1).map(r => (r as { mesh: number }).mesh).join(',')}`)
    }
    const tree = await this.tree()
    this.log(`[bench:node] meshcast tree after subscribing: ${tree.filter(t => t.role === 'root').length} root(s); routing tables ${Math.min(...tree.map(t => t.counters.routingTable))}..${Math.max(...tree.map(t => t.counters.routingTable))} entries`)
    return { setupMs: Math.round(performance.now() - t0), connectionsPerNode }
  }

  async idle (): Promise<MeshResult['idle']> {
    const a = await this.snapshot()
    const t = performance.now()
    await sleep(this.o.idleMs)
    const b = await this.snapshot()
    const s = (performance.now() - t) / 1000
    const byProtocol: Record<string, number> = {}
    for (const [p, v] of Object.entries(b.byProtocol)) { const d = v - (a.byProtocol[p] ?? 0); if (d > 0) byProtocol[p] = Math.round(d / s) }
    return { bytesPerSec: Math.round((b.written - a.written) / s), cpuPercent: Math.round((b.cpuMicros - a.cpuMicros) / 1e4 / s), byProtocol }
  }

  /** A few messages per system first: JIT, streams opened, meshcast's publisher learns the root. */
  async warmUp (): Promise<void> {
    for (const system of this.o.systems) {
      await this.run(system, 'paced', this.o.warmup, this.o.paced.rate, 1, false)
    }
  }

  /** One phase: publish, wait (bounded) until every subscriber has everything, settle, measure. */
  async run (system: System, kind: 'paced' | 'burst', count: number, rate: number, chunk: number, measure = true): Promise<PhaseResult> {
    const phaseId = this.phaseId++
    const timeLimitMs = rate > 0 ? Math.ceil(count / rate * 1000) + 10_000 : 60_000
    const statsBefore = await this.tree()
    const profiled = measure && this.o.profileDir !== undefined ? this.profiled(system, statsBefore) : []
    await Promise.all(profiled.map(async ([w]) => { await w.request({ op: 'profile-start' }, 10_000) }))
    const before = await this.snapshot()
    const t0 = performance.now()
    const pub = await this.publisher.request<PublishReport>({ op: 'publish', system, topic: this.o.topic, phaseId, count, rate, chunk, timeLimitMs }, timeLimitMs + 10_000)
    // Wait for the stragglers: until every subscriber has every message sent, at most 30 s.
    // A subscriber whose event loop is swamped answers late; it counts as not done yet.
    const waitEnd = performance.now() + 30_000
    for (;;) {
      const counts = await Promise.all(this.subscribers.map(async w => await w.request<number>({ op: 'count', phaseId }, 5_000).catch(() => -1)))
      if (counts.every(c => c >= pub.sent) || performance.now() > waitEnd) break
      await sleep(250)
    }
    await sleep(500) // settle: acknowledgements and window updates that belong to this phase
    const after = await this.snapshot()
    const windowMs = performance.now() - t0
    await Promise.all(profiled.map(async ([w, role]) => { await w.request({ op: 'profile-stop', file: join(this.o.profileDir ?? '.', `${system}-${kind}-${w.index}-${role}.cpuprofile`) }, 30_000) }))
    const reports = await Promise.all(this.subscribers.map(async w => await w.request<PhaseReport>({ op: 'collect', phaseId }, 60_000)))
    const statsAfter = await this.tree()
    const counters: Record<string, number> = {}
    for (let i = 0; i < statsAfter.length; i++) {
      for (const [k, v] of Object.entries(statsAfter[i].counters)) {
        if (k === 'connections' || k === 'peers' || k === 'routingTable' || k === 'connectedNotInTable' || k === 'closerConnectedPeers') continue
        const d = v - (statsBefore[i].counters[k] ?? 0)
        if (d !== 0) counters[k] = (counters[k] ?? 0) + d
      }
    }
    counters.minPeers = Math.min(...statsAfter.map(s => s.counters.peers))
    counters.minRoutingTable = Math.min(...statsAfter.map(s => s.counters.routingTable))
    counters.meshcastRoots = statsAfter.filter(s => s.role === 'root').length
    // Roots that are connected to a node closer to the key: the tree is split.
    counters.wrongRoots = statsAfter.filter(s => s.role === 'root' && s.counters.closerConnectedPeers > 0).length
    counters.connectedNotInTable = statsAfter.reduce((a, s) => a + s.counters.connectedNotInTable, 0)
    const latencies = reports.flatMap(r => r.latencies)
    if (measure && this.o.dumpFile !== undefined) {
      appendFileSync(this.o.dumpFile, reports.map((r, s) => JSON.stringify({ system, kind, subscriber: s + 1, indices: r.indices, latencies: r.latencies.map(l => Math.round(l * 1000) / 1000) })).join('\n') + '\n')
    }
    const delivered = reports.reduce((a, r) => a + r.delivered, 0)
    const last = Math.max(...reports.map(r => r.last ?? 0))
    const durationMs = last > 0 ? last - pub.startedAt : NaN
    const written = after.written - before.written
    const byProtocol: Record<string, number> = {}
    for (const [p, b] of Object.entries(after.byProtocol)) {
      const d = b - (before.byProtocol[p] ?? 0)
      if (d > 0 && delivered > 0) byProtocol[p] = Math.round(d / delivered * 10) / 10
    }
    const result: PhaseResult = {
      system,
      kind,
      sent: pub.sent,
      publishErrors: pub.errors,
      lastError: pub.lastError,
      expected: pub.sent * this.subscribers.length,
      delivered,
      duplicates: reports.reduce((a, r) => a + r.duplicates, 0),
      durationMs: Math.round(durationMs),
      windowMs: Math.round(windowMs),
      p50: percentile(latencies, 0.5),
      p99: percentile(latencies, 0.99),
      max: percentile(latencies, 1),
      deliveriesPerSec: Math.round(delivered / (durationMs / 1000)),
      publishedPerSec: Math.round(pub.sent / ((pub.endedAt - pub.startedAt) / 1000)),
      bytesWritten: written,
      bytesPerDelivery: delivered > 0 ? written / delivered : null,
      socketWritesPerDelivery: delivered > 0 ? (after.writes - before.writes) / delivered : null,
      protocolBytesPerDelivery: byProtocol,
      cpuMsPerDelivery: delivered > 0 ? (after.cpuMicros - before.cpuMicros) / 1000 / delivered : null,
      counters,
      perSubscriber: reports.map(r => r.delivered),
      roles: statsAfter.map(s => s.role)
    }
    if (measure) this.log(`[bench:node] ${system} ${kind}: sent ${pub.sent}${pub.errors > 0 ? ` (${pub.errors} errors: ${pub.lastError})` : ''}, delivered ${delivered}/${result.expected}, p50 ${result.p50?.toFixed(2)} ms, p99 ${result.p99?.toFixed(2)} ms, ${result.bytesPerDelivery?.toFixed(0)} B/delivery`)
    if (measure && delivered < result.expected) this.log(`[bench:node]   lost: per subscriber ${result.perSubscriber.join(',')}; counters ${JSON.stringify(counters)}; roles ${result.roles.map((r, i) => `${i}:${r}`).filter(x => !x.endsWith('none')).join(' ')}`)
    return result
  }

  /** The publisher, the node with the most meshcast children (or gossipsub subscriber 1), a subscriber. */
  private profiled (system: System, stats: StatsReport[]): Array<[WorkerClient, string]> {
    const list: Array<[WorkerClient, string]> = [[this.publisher, 'publisher']]
    if (system === 'meshcast') {
      let best = 1
      for (let i = 1; i < stats.length; i++) if (stats[i].children > stats[best].children) best = i
      list.push([this.workers[best], stats[best].role])
      const leaf = this.subscribers.find(w => w.index !== best && stats[w.index].children === 0)
      if (leaf !== undefined) list.push([leaf, 'subscriber'])
    } else {
      list.push([this.subscribers[0], 'subscriber'])
    }
    return list
  }

  async tree (): Promise<StatsReport[]> {
    return await Promise.all(this.workers.map(async w => await w.request<StatsReport>({ op: 'stats', topic: this.o.topic }, 30_000)))
  }

  async stop (): Promise<void> {
    await Promise.all(this.workers.map(async w => { await w.stop() }))
  }
}

export async function runMesh (o: MeshOptions, log: (s: string) => void): Promise<MeshResult> {
  const mesh = new BenchMesh(o, log)
  try {
    const { setupMs, connectionsPerNode } = await mesh.setUp()
    const idle = await mesh.idle()
    log(`[bench:node] idle: ${idle.bytesPerSec} B/s on the wire (application B/s by protocol: ${JSON.stringify(idle.byProtocol)}), ${idle.cpuPercent}% CPU over all nodes`)
    await mesh.warmUp()
    const phases: PhaseResult[] = []
    if (o.order === 'alternate') {
      for (const system of o.systems) phases.push(await mesh.run(system, 'paced', o.paced.count, o.paced.rate, 1))
      for (const system of o.systems) phases.push(await mesh.run(system, 'burst', o.burst.count, 0, o.burst.chunk))
    } else {
      for (const system of o.systems) {
        phases.push(await mesh.run(system, 'paced', o.paced.count, o.paced.rate, 1))
        phases.push(await mesh.run(system, 'burst', o.burst.count, 0, o.burst.chunk))
      }
    }
    const tree = await mesh.tree()
    const rssMiBMax = (await mesh.snapshot()).rssMiB
    return { setupMs, connectionsPerNode, idle, phases, tree, rssMiBMax }
  } finally {
    await mesh.stop()
  }
}
