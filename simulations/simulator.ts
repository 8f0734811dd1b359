// A deterministic discrete-event simulator that runs src/core unchanged: every node is a
// MeshCore behind the same CoreDriver the real node uses; the network is a priority queue of
// frames in virtual time. One seed decides ids, places, jitter, loss and every core's Rng.
import { CoreDriver } from '../src/core/driver.ts'
import { MeshCore } from '../src/core/mesh-core.ts'
import type { CoreEvent } from '../src/core/mesh-core.ts'
import type { CoreOptions } from '../src/core/defaults.ts'
import { Rng } from '../src/core/rng.ts'
import type { NodeId } from '../src/core/id.ts'
import { encodeFrames } from '../src/core/wire/codec.ts'
import { MSG_TYPES } from '../src/core/wire/types.ts'
import type { Msg, MsgType } from '../src/core/wire/types.ts'
import { coreOptions } from '../src/core/defaults.ts'
import { EventQueue } from './event-queue.ts'
import type { Timed } from './event-queue.ts'
import { CoordinateLatency, Links, NETWORK_DEFAULTS } from './network.ts'
import type { LatencyModel, NetworkOptions } from './network.ts'

export interface SimulatorOptions {
  seed: number
  network?: Partial<NetworkOptions>
  core?: Partial<CoreOptions>
  /** Candidates offered per routing-table bucket when a node bootstraps (PNS picks among them). */
  bucketCandidates?: number
  /** Encode and decode every frame with the wire codec (slower; proves the codec in the loop). */
  wire?: boolean
  /** Replaces the coordinate latency model (the transit-stub topology does). */
  latency?: LatencyModel
}

export interface SimNode {
  readonly index: number
  readonly ref: string
  readonly id: NodeId
  readonly idBig: bigint
  readonly core: MeshCore
  readonly driver: CoreDriver
  alive: boolean
  timerAt: number
  /** Senders already offered to the routing table, since its last removal. */
  offered: Set<number>
  offeredAt: number
}

type SimEvent = Timed & (
  | { kind: 'frame', to: number, from: number, msgs: Msg[] | Uint8Array[] }
  | { kind: 'timer', node: number, at: number }
  | { kind: 'call', fn: () => void }
  | { kind: 'down', node: number, peer: number }
)

export interface SimCounters {
  sent: Record<MsgType, number>
  frames: number
  droppedLoss: number
  droppedPartition: number
  droppedDead: number
}

export interface SimHooks {
  deliver?: (node: SimNode, event: Extract<CoreEvent, { type: 'deliver' }>, now: number) => void
  ready?: (node: SimNode, topic: string, now: number) => void
  /** Messages a node's subscription will not receive (reported as a gap). */
  gap?: (node: SimNode, event: Extract<CoreEvent, { type: 'gap' }>, now: number) => void
  /** Every event of every node (after the specific hooks above). */
  event?: (node: SimNode, event: CoreEvent, now: number) => void
}

export class Simulator {
  now = 0
  readonly nodes: SimNode[] = []
  readonly rng: Rng
  readonly network: NetworkOptions
  readonly coreOptions: Partial<CoreOptions>
  readonly latency: LatencyModel
  readonly hooks: SimHooks = {}
  /** Counters are kept only while `measuring` is on. */
  measuring = false
  readonly counters: SimCounters
  private readonly queue = new EventQueue<SimEvent>()
  private readonly links = new Links()
  private readonly wire: boolean
  private readonly bucketCandidates: number
  private partitionGroup: Int8Array | null = null
  private sorted: SimNode[] = []
  private eventsRun = 0

  constructor (options: SimulatorOptions) {
    this.rng = new Rng(options.seed)
    this.network = { ...NETWORK_DEFAULTS, ...options.network }
    this.coreOptions = options.core ?? {}
    this.latency = options.latency ?? new CoordinateLatency(this.network)
    this.wire = options.wire ?? false
    this.bucketCandidates = options.bucketCandidates ?? 48
    const sent = {} as Record<MsgType, number>
    for (const t of MSG_TYPES) sent[t] = 0
    this.counters = { sent, frames: 0, droppedLoss: 0, droppedPartition: 0, droppedDead: 0 }
  }

  get events (): number {
    return this.eventsRun
  }

  get pending (): number {
    return this.queue.size
  }

  /** The heartbeat interval the cores run with. */
  get heartbeatMs (): number {
    return coreOptions(this.coreOptions).heartbeatIntervalMs
  }

  liveNodes (): SimNode[] {
    return this.nodes.filter(n => n.alive)
  }

  /** Creates a node (not yet known to anyone); its id is drawn from the seed unless given. */
  addNode (fixedId?: Uint8Array): SimNode {
    const index = this.nodes.length
    const id = fixedId ?? this.rng.bytes(32)
    this.latency.place(index, this.rng)
    let idBig = 0n
    for (const b of id) idBig = (idBig << 8n) | BigInt(b)
    const ref = String(index)
    const core = new MeshCore({ ref, id, rng: this.rng.fork(), now: this.now, options: this.coreOptions })
    const node: SimNode = {
      index, ref, id, idBig, core, alive: true, timerAt: Infinity, offered: new Set(), offeredAt: 0,
      driver: undefined as unknown as CoreDriver
    }
    ;(node as { driver: CoreDriver }).driver = new CoreDriver(core, {
      now: () => this.now,
      send: (to, msgs) => this.send(node, +to, msgs),
      event: e => this.onEvent(node, e),
      wakeAt: at => this.wakeAt(node, at)
    })
    this.nodes.push(node)
    return node
  }

  /** Fills every live node's routing table, as a completed DHT bootstrap would. */
  bootstrap (): void {
    this.resort()
    for (const n of this.sorted) this.fillTable(n)
  }

  /** A node joins at runtime: it learns its contacts and they learn it. */
  joinNode (fixedId?: Uint8Array): SimNode {
    const n = this.addNode(fixedId)
    this.resort()
    const contacts = this.fillTable(n)
    for (const c of contacts) {
      const other = this.nodes[c]
      other.driver.input((core, now) => core.handlePeerUp(now, n.ref, n.id, 2 * this.latency.latency(c, n.index)))
    }
    return n
  }

  /** Re-offers contacts to every live node, as the DHT's periodic refresh does (after a partition heals). */
  refreshTables (): void {
    this.resort()
    for (const n of this.sorted) this.fillTable(n)
  }

  crash (index: number): void {
    const n = this.nodes[index]
    n.alive = false
    n.timerAt = Infinity
  }

  /** Splits live nodes into groups (group per node index); null heals. */
  setPartition (group: Int8Array | null): void {
    this.partitionGroup = group
  }

  at (time: number, fn: () => void): void {
    this.queue.push({ time, kind: 'call', fn })
  }

  /** Runs every event up to and including `until`. */
  run (until: number): void {
    for (;;) {
      if (this.queue.peekTime() > until) break
      const e = this.queue.pop() as SimEvent
      this.now = e.time
      this.eventsRun++
      switch (e.kind) {
        case 'frame': this.deliverFrame(e.to, e.from, e.msgs); break
        case 'timer': {
          const n = this.nodes[e.node]
          if (n.alive && n.timerAt === e.at) {
            n.timerAt = Infinity
            n.driver.wake()
          }
          break
        }
        case 'call': e.fn(); break
        case 'down': {
          const n = this.nodes[e.node]
          if (n.alive) n.driver.input((core, now) => core.handlePeerDown(now, String(e.peer)))
          break
        }
      }
    }
    if (until > this.now && Number.isFinite(until)) this.now = until
  }

  // ------------------------------------------------------------------ internals

  private resort (): void {
    this.sorted = this.nodes.filter(n => n.alive).sort((a, b) => (a.idBig < b.idBig ? -1 : a.idBig > b.idBig ? 1 : 0))
  }

  /**
   * Offers node n candidates for each bucket: every live node of the bucket's id range when
   * there are few, else a seeded sample; the core's table keeps the k fastest (PNS).
   * Returns the indices offered.
   */
  private fillTable (n: SimNode): number[] {
    const offered: number[] = []
    const sorted = this.sorted
    for (let b = 0; b < 256; b++) {
      const shift = BigInt(255 - b)
      const mine = n.idBig >> shift
      // Stop once no other node shares b bits with us: deeper buckets are empty.
      const ownLo = mine << shift
      const ownCount = lowerBound(sorted, ownLo + (1n << shift)) - lowerBound(sorted, ownLo)
      const lo = (mine ^ 1n) << shift
      const start = lowerBound(sorted, lo)
      const count = lowerBound(sorted, lo + (1n << shift)) - start
      const pick = (i: number): void => {
        const c = sorted[start + i]
        offered.push(c.index)
        n.core.handlePeerUp(this.now, c.ref, c.id, 2 * this.latency.latency(n.index, c.index))
      }
      if (count <= this.bucketCandidates) {
        for (let i = 0; i < count; i++) pick(i)
      } else {
        const chosen = new Set<number>()
        while (chosen.size < this.bucketCandidates) chosen.add(this.rng.int(count))
        for (const i of chosen) pick(i)
      }
      if (ownCount <= 1) break
    }
    n.driver.flush()
    return offered
  }

  private send (from: SimNode, to: number, msgs: Msg[]): void {
    if (!from.alive) return
    if (this.measuring) {
      for (const m of msgs) this.counters.sent[m.type]++
      this.counters.frames++
    }
    const target = this.nodes[to]
    if (target === undefined) return
    const p = this.partitionGroup
    if (p !== null && p[from.index] !== p[to]) {
      if (this.measuring) this.counters.droppedPartition++
      return
    }
    if (this.network.loss > 0 && this.rng.next() < this.network.loss) {
      if (this.measuring) this.counters.droppedLoss++
      return
    }
    const oneWay = this.latency.latency(from.index, to)
    if (!target.alive) {
      this.refused(from.index, to, oneWay)
      return
    }
    const at = this.links.arrival(from.index, to, this.now + oneWay + this.rng.next() * this.network.jitterMs)
    this.queue.push({ time: at, kind: 'frame', to, from: from.index, msgs: this.wire ? encodeFrames(msgs, from.core.options.maxFrameBytes) : msgs })
  }

  private refused (from: number, to: number, oneWay: number): void {
    if (this.measuring) this.counters.droppedDead++
    if (this.network.crashNotice) this.queue.push({ time: this.now + 2 * oneWay, kind: 'down', node: from, peer: to })
  }

  private deliverFrame (to: number, from: number, msgs: Msg[] | Uint8Array[]): void {
    const n = this.nodes[to]
    if (!n.alive) {
      this.refused(from, to, this.latency.latency(from, to))
      return
    }
    const sender = this.nodes[from]
    // A frame from a peer the table does not hold is a connection libp2p would report (identify).
    if (n.offeredAt !== n.core.table.removals) {
      n.offered.clear()
      n.offeredAt = n.core.table.removals
    }
    if (!n.offered.has(from)) {
      n.offered.add(from)
      n.core.handlePeerUp(this.now, sender.ref, sender.id, 2 * this.latency.latency(to, from))
    }
    if (this.wire) for (const f of msgs as Uint8Array[]) n.driver.receiveFrame(sender.ref, f)
    else n.driver.receive(sender.ref, msgs as Msg[])
  }

  private onEvent (node: SimNode, e: CoreEvent): void {
    if (e.type === 'deliver') this.hooks.deliver?.(node, e, this.now)
    else if (e.type === 'ready') this.hooks.ready?.(node, e.topic, this.now)
    else if (e.type === 'gap') this.hooks.gap?.(node, e, this.now)
    this.hooks.event?.(node, e, this.now)
  }

  private wakeAt (node: SimNode, at: number): void {
    if (!node.alive) return
    const t = at > this.now ? at : this.now
    node.timerAt = t
    this.queue.push({ time: t, kind: 'timer', node: node.index, at: t })
  }
}

/** First position in `sorted` (by id) whose id is not below `value`. */
export function lowerBound (sorted: readonly SimNode[], value: bigint): number {
  let lo = 0
  let hi = sorted.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (sorted[mid].idBig < value) lo = mid + 1
    else hi = mid
  }
  return lo
}

