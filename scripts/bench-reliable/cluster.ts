// The worker processes of bench:reliable: bench:node's BenchMesh starts and connects them
// (every node dials every other); this adds what a run with kills needs: the live workers,
// stats and byte snapshots over those only, subscribing any set of workers to any topic,
// and kill -9 by PID.
import { BenchMesh, sumSnapshots } from '../bench-node/mesh.ts'
import type { WorkerClient } from '../bench-node/procs.ts'
import type { Snapshot, StatsReport } from '../bench-node/protocol.ts'
import type { NodeId } from '../../src/core/id.ts'
import { nodeIds } from './topics.ts'

export type ModeName = 'best-effort' | 'reliable'

/** Best effort: plain subscriptions and publishes. Reliable: { reliable: true } and { ack: true }. */
export interface Mode {
  name: ModeName
  reliable: boolean
}

export const MODES: readonly Mode[] = [
  { name: 'best-effort', reliable: false },
  { name: 'reliable', reliable: true }
]

export class Cluster {
  readonly mesh: BenchMesh
  ids: NodeId[] = []
  private phaseId = 10
  private readonly log: (s: string) => void

  constructor (o: { nodes: number, lan: boolean, core?: { k?: number, maxChildren?: number } }, log: (s: string) => void) {
    this.log = log
    // Only setUp() and the workers of BenchMesh are used: no system subscribes there.
    this.mesh = new BenchMesh({
      nodes: o.nodes,
      subscribers: 0,
      topic: 'bench-reliable-setup',
      paced: { count: 0, rate: 1 },
      burst: { count: 0, chunk: 1 },
      warmup: 0,
      systems: [],
      order: 'grouped',
      idleMs: 5000,
      lan: o.lan,
      core: o.core
    }, log)
  }

  /**
   * bench:node's set-up (every node dials every other, 3 tries each), then up to 3 more rounds of
   * dials for the nodes that are still not connected to every other: on a loaded machine
   * handshakes time out, and a node that misses the connection to a topic's root can take
   * itself for the root (a split tree).
   */
  async setUp (): Promise<{ setupMs: number, connectionsPerNode: number }> {
    const t0 = performance.now()
    await this.mesh.setUp()
    this.ids = nodeIds(this.mesh.peerIds)
    const n = this.workers.length
    let peers = await this.peers()
    for (let round = 0; round < 3 && peers.some(p => p < n - 1); round++) {
      const short = this.workers.filter((_, i) => peers[i] < n - 1)
      this.log(`[bench:reliable] ${short.length} nodes not connected to every other (peers ${peers.join(',')}): dialling again`)
      await Promise.all(short.map(async w => { await w.request({ op: 'connect', addrs: this.mesh.addrs.filter((_, j) => j !== w.index) }, 60_000) }))
      peers = await this.peers()
    }
    this.log(`[bench:reliable] peers per node: ${peers.join(',')}`)
    return { setupMs: Math.round(performance.now() - t0), connectionsPerNode: Math.min(...peers) }
  }

  private async peers (): Promise<number[]> {
    return await Promise.all(this.workers.map(async w => (await w.request<StatsReport>({ op: 'stats', topic: 'none' }, 30_000)).counters.peers))
  }

  /** The nodes that take themselves for the topic's root, with what explains a wrong one. */
  static describeRoots (stats: Map<number, StatsReport>): string {
    return [...stats].filter(([, s]) => s.role === 'root')
      .map(([i, s]) => `${i} (children ${s.children}, peers ${s.counters.peers}, routing table ${s.counters.routingTable}, connected peers closer to the key ${s.counters.closerConnectedPeers}, connected peers not in the table ${s.counters.connectedNotInTable})`).join('; ')
  }

  get workers (): WorkerClient[] { return this.mesh.workers }
  /** Worker 0 publishes in every phase and is never killed. */
  get publisher (): WorkerClient { return this.mesh.workers[0] }

  /** Indices of the workers still running. */
  live (): number[] {
    return this.mesh.workers.filter(w => w.alive).map(w => w.index)
  }

  /** The worker index of a peer id (-1: none). */
  indexOf (peerId: string | null | undefined): number {
    return peerId == null ? -1 : this.mesh.peerIds.indexOf(peerId)
  }

  /** A fresh phase id (it travels in one byte of the payload). */
  nextPhase (): number {
    if (this.phaseId >= 255) throw new Error('out of phase ids (one payload byte)')
    return this.phaseId++
  }

  /** Every live worker's view of the topic, by worker index; a worker that does not answer is left out. */
  async stats (topic: string): Promise<Map<number, StatsReport>> {
    const out = new Map<number, StatsReport>()
    await Promise.all(this.live().map(async i => {
      try { out.set(i, await this.workers[i].request<StatsReport>({ op: 'stats', topic }, 30_000)) } catch (err) { this.log(`[bench:reliable] stats of worker ${i}: ${(err as Error).message}`) }
    }))
    return out
  }

  /** Bytes on the wire and CPU time so far, summed over the live workers. */
  async snapshot (): Promise<Snapshot> {
    const snaps = await Promise.all(this.live().map(async i => await this.workers[i].request<Snapshot>({ op: 'snapshot' }, 30_000)))
    return sumSnapshots(snaps)
  }

  /** Subscribes the workers (reliable or not) and waits (bounded) until every subscription is ready. */
  async subscribe (indices: readonly number[], topic: string, reliable: boolean): Promise<void> {
    await Promise.all(indices.map(async i => { await this.workers[i].request({ op: 'subscribe', system: 'meshcast', topic, timeoutMs: 20_000, reliable }, 25_000) }))
  }

  async unsubscribe (indices: readonly number[], topic: string): Promise<void> {
    await Promise.all(indices.filter(i => this.workers[i].alive).map(async i => { await this.workers[i].request({ op: 'unsubscribe', topic }, 10_000) }))
  }

  /** kill -9 of one worker, by PID. */
  async kill (index: number): Promise<void> {
    if (index === 0) throw new Error('the publisher is never killed')
    await this.workers[index].kill()
  }

  /** Node counters (StatsReport.counters) changed between two stats, summed over the workers in both. */
  static counterDeltas (before: Map<number, StatsReport>, after: Map<number, StatsReport>): Record<string, number> {
    const skip = new Set(['connections', 'peers', 'routingTable', 'connectedNotInTable', 'closerConnectedPeers'])
    const out: Record<string, number> = {}
    for (const [i, a] of after) {
      const b = before.get(i)
      if (b === undefined) continue
      for (const [k, v] of Object.entries(a.counters)) {
        if (skip.has(k)) continue
        const d = v - (b.counters[k] ?? 0)
        if (d !== 0) out[k] = (out[k] ?? 0) + d
      }
    }
    return out
  }

  /** node:role(children) for every live node in the topic's tree, for the log. */
  static describeTree (stats: Map<number, StatsReport>): string {
    return [...stats].sort((a, b) => a[0] - b[0])
      .filter(([, s]) => s.role !== 'none')
      .map(([i, s]) => `${i}:${s.role}${s.children > 0 ? `(${s.children})` : ''}`).join(' ')
  }

  async stop (): Promise<void> {
    await this.mesh.stop()
  }
}
