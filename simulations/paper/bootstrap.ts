// A lean routing-table bootstrap for large overlays. The simulator's bootstrap offers every
// node up to 48 candidates per bucket and lets the core's table keep the k fastest, which at
// 100,000 nodes is ~57 M offers to the cores, most of them rejected after a scan of a full
// bucket. This bootstrap samples candidates the same way (every node of the bucket's id range
// when there are few, else a seeded sample) but offers the core only the ones its table would
// keep: with proximity on, the k lowest round-trip times of each bucket's sample; with
// proximity off, the first k (a full bucket keeps what it has). Each bootstrap bucket is
// exactly one table bucket (the nodes sharing b bits with us and differing in bit b), and the
// tables start empty, so they end up holding what the simulator's bootstrap would leave.
import type { Rng } from '../../src/core/rng.ts'
import { lowerBound } from '../simulator.ts'
import type { Simulator, SimNode } from '../simulator.ts'
import { TransitStubLatency } from './topology.ts'

export interface BootstrapStats {
  /** Contacts offered to (and kept by) the cores. */
  offered: number
  /** Candidates sampled and measured. */
  candidates: number
  wallMs: number
  /** The contacts came from a recording of an identical bootstrap (same ids, places, options). */
  replayed: boolean
}

/** What a bootstrap offered each node, in order, to offer again to the cores of an identical overlay. */
export interface BootstrapRecording {
  /** For node index i, its contacts are contacts[start[i]..start[i+1]) with round trips rtts[...]. */
  start: Int32Array
  contacts: Int32Array
  rtts: Float64Array
  candidates: number
}

export interface BootstrapOptions {
  /** Sampling randomness (default the simulator's own, as its bootstrap uses). */
  rng?: Rng
  /** Return a recording of what was offered, for replayBootstrap. */
  record?: boolean
}

// Node ids are ordered by their top 52 bits (exact in a double); deeper buckets, which need
// more bits, fall back to BigInt (with 100,000 nodes they never occur).
const TOP_BITS = 52

/**
 * Offers every node the contacts of a recording made by leanBootstrap on an identical overlay
 * (same node count, seed, placement and core options), in the same order: the tables come out
 * the same without sampling again.
 */
export function replayBootstrap (sim: Simulator, rec: BootstrapRecording): BootstrapStats {
  const start = performance.now()
  const n = sim.nodes.length
  if (rec.start.length !== n + 1) throw new RangeError(`recording is of ${rec.start.length - 1} nodes, not ${n}`)
  const order = sim.nodes.filter(x => x.alive).sort((a, b) => (a.idBig < b.idBig ? -1 : a.idBig > b.idBig ? 1 : 0))
  for (const node of order) {
    for (let j = rec.start[node.index]; j < rec.start[node.index + 1]; j++) {
      const c = sim.nodes[rec.contacts[j]]
      node.core.handlePeerUp(sim.now, c.ref, c.id, rec.rtts[j])
    }
    node.driver.flush()
  }
  return { offered: rec.contacts.length, candidates: rec.candidates, wallMs: performance.now() - start, replayed: true }
}

export function leanBootstrap (sim: Simulator, candidatesPerBucket = 48, options: BootstrapOptions = {}): BootstrapStats & { recording?: BootstrapRecording } {
  const start = performance.now()
  const sorted = sim.nodes.filter(n => n.alive).sort((a, b) => (a.idBig < b.idBig ? -1 : a.idBig > b.idBig ? 1 : 0))
  const top = Float64Array.from(sorted, n => topBits(n.id))
  const coreOptions = sim.nodes[0]?.core.options
  const k = coreOptions?.k ?? 20
  const proximity = coreOptions?.proximity ?? true
  const lat = sim.latency
  const rng = options.rng ?? sim.rng
  // Recording: contacts per node (by node index), kept in offer order.
  const perNode: Array<{ c: Int32Array, r: Float64Array, n: number } | undefined> = options.record === true ? new Array(sim.nodes.length) : []
  let offered = 0
  let candidates = 0
  const pick = new Int32Array(candidatesPerBucket)
  const rtt = new Float64Array(candidatesPerBucket)
  const scratch = new Float64Array(candidatesPerBucket)
  // Sample without repeats: positions drawn for the current bucket carry the current stamp.
  const drawn = new Uint32Array(sorted.length)
  let stamp = 0
  // With the transit-stub model a round trip is 2 × (2 LAN + router distance): one router row
  // per node and the routers of the sorted nodes in an array (the hot loop avoids objects).
  const ts = lat instanceof TransitStubLatency ? lat : undefined
  const sortedRouter = Int32Array.from(sorted, n => ts?.router(n.index) ?? 0)
  const twoLan = ts !== undefined ? 2 * ts.topology.options.lanMs : 0
  for (const n of sorted) {
    const mineTop = topBits(n.id)
    const row = ts?.topology.graph.distances(ts.router(n.index))
    for (let b = 0; b < 256; b++) {
      // [start, start + count): the nodes sharing b bits with n and differing in bit b;
      // ownCount: the nodes sharing b + 1 bits with n (n included).
      let ownCount: number
      let startI: number
      let count: number
      if (b < TOP_BITS) {
        const width = 2 ** (TOP_BITS - b - 1)
        const prefix = Math.floor(mineTop / width)
        const ownLo = prefix * width
        const sibLo = (prefix % 2 === 0 ? prefix + 1 : prefix - 1) * width
        ownCount = lowerBoundNum(top, ownLo + width) - lowerBoundNum(top, ownLo)
        startI = lowerBoundNum(top, sibLo)
        count = lowerBoundNum(top, sibLo + width) - startI
      } else {
        const shift = BigInt(255 - b)
        const mine = n.idBig >> shift
        const ownLo = mine << shift
        ownCount = lowerBound(sorted, ownLo + (1n << shift)) - lowerBound(sorted, ownLo)
        const lo = (mine ^ 1n) << shift
        startI = lowerBound(sorted, lo)
        count = lowerBound(sorted, lo + (1n << shift)) - startI
      }
      // The sample: all of the range, or candidatesPerBucket distinct positions drawn uniformly.
      let m = 0
      if (count <= candidatesPerBucket) {
        for (let i = 0; i < count; i++) pick[m++] = startI + i
      } else {
        stamp++
        while (m < candidatesPerBucket) {
          const i = startI + rng.int(count)
          if (drawn[i] === stamp) continue
          drawn[i] = stamp
          pick[m++] = i
        }
      }
      candidates += m
      if (m > 0) {
        if (row !== undefined) for (let j = 0; j < m; j++) rtt[j] = 2 * (twoLan + row[sortedRouter[pick[j]]])
        else for (let j = 0; j < m; j++) rtt[j] = 2 * lat.latency(n.index, sorted[pick[j]].index)
        if (m <= k || !proximity) {
          for (let j = 0; j < Math.min(k, m); j++) offer(n, sorted[pick[j]], rtt[j])
        } else {
          // The k fastest, in sample order; ties at the k-th time go to the earlier offer, as
          // the table's strict "faster" test does.
          scratch.set(rtt.subarray(0, m))
          const cut = kthSmallest(scratch, m, k - 1)
          let below = 0
          for (let j = 0; j < m; j++) if (rtt[j] < cut) below++
          let ties = k - below
          for (let j = 0; j < m; j++) {
            if (rtt[j] < cut || (rtt[j] === cut && ties-- > 0)) offer(n, sorted[pick[j]], rtt[j])
          }
        }
      }
      if (ownCount <= 1) break
    }
    n.driver.flush()
  }
  function offer (n: SimNode, c: SimNode, r: number): void {
    n.core.handlePeerUp(sim.now, c.ref, c.id, r)
    offered++
    if (options.record !== true) return
    let p = perNode[n.index]
    if (p === undefined) perNode[n.index] = p = { c: new Int32Array(64), r: new Float64Array(64), n: 0 }
    if (p.n === p.c.length) {
      const c2 = new Int32Array(p.n * 2); c2.set(p.c); p.c = c2
      const r2 = new Float64Array(p.n * 2); r2.set(p.r); p.r = r2
    }
    p.c[p.n] = c.index
    p.r[p.n++] = r
  }
  let recording: BootstrapRecording | undefined
  if (options.record === true) {
    const startAt = new Int32Array(sim.nodes.length + 1)
    for (let i = 0; i < sim.nodes.length; i++) startAt[i + 1] = startAt[i] + (perNode[i]?.n ?? 0)
    const contacts = new Int32Array(startAt[sim.nodes.length])
    const rtts = new Float64Array(contacts.length)
    for (let i = 0; i < sim.nodes.length; i++) {
      const p = perNode[i]
      if (p === undefined) continue
      contacts.set(p.c.subarray(0, p.n), startAt[i])
      rtts.set(p.r.subarray(0, p.n), startAt[i])
      perNode[i] = undefined
    }
    recording = { start: startAt, contacts, rtts, candidates }
  }
  return { offered, candidates, wallMs: performance.now() - start, replayed: false, recording }
}

/** The value of rank r (0-based) among a[0..n-1] (quickselect; reorders a). */
export function kthSmallest (a: Float64Array, n: number, r: number): number {
  let lo = 0
  let hi = n - 1
  while (lo < hi) {
    const pivot = a[(lo + hi) >> 1]
    let i = lo
    let j = hi
    while (i <= j) {
      while (a[i] < pivot) i++
      while (a[j] > pivot) j--
      if (i <= j) {
        const t = a[i]; a[i] = a[j]; a[j] = t
        i++; j--
      }
    }
    if (r <= j) hi = j
    else if (r >= i) lo = i
    else return a[r]
  }
  return a[r]
}

function topBits (id: Uint8Array): number {
  return id[0] * 2 ** 44 + id[1] * 2 ** 36 + id[2] * 2 ** 28 + id[3] * 2 ** 20 + id[4] * 2 ** 12 + id[5] * 2 ** 4 + (id[6] >> 4)
}

function lowerBoundNum (sorted: Float64Array, value: number): number {
  let lo = 0
  let hi = sorted.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (sorted[mid] < value) lo = mid + 1
    else hi = mid
  }
  return lo
}

