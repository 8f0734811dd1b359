// A lean routing-table bootstrap for large overlays. The simulator's bootstrap offers every
// node up to 48 candidates per bucket and lets the core keep the k fastest; the core keeps a
// liveness record for every peer offered, kept or not (MeshCore.handlePeerUp touches the peer
// before its table decides), and at 100,000 nodes those records of dropped candidates alone
// take gigabytes. This bootstrap samples candidates the same way (every node of the bucket's
// id range when there are few, else a seeded sample) but offers the core only the ones its
// table would keep: with proximity on, the k lowest round-trip times of each bucket's sample;
// with proximity off, the first k (a full bucket keeps what it has). Each bootstrap bucket is
// exactly one table bucket (the nodes sharing b bits with us and differing in bit b), and the
// tables start empty, so they end up holding what the simulator's bootstrap would leave.
import type { Simulator, SimNode } from '../simulator.ts'

export interface BootstrapStats {
  /** Contacts offered to (and kept by) the cores. */
  offered: number
  /** Candidates sampled and measured. */
  candidates: number
  wallMs: number
}

// Node ids are ordered by their top 52 bits (exact in a double); deeper buckets, which need
// more bits, fall back to BigInt (with 100,000 nodes they never occur).
const TOP_BITS = 52

export function leanBootstrap (sim: Simulator, candidatesPerBucket = 48): BootstrapStats {
  const start = performance.now()
  const sorted = sim.nodes.filter(n => n.alive).sort((a, b) => (a.idBig < b.idBig ? -1 : a.idBig > b.idBig ? 1 : 0))
  const top = Float64Array.from(sorted, n => topBits(n.id))
  const options = sim.nodes[0]?.core.options
  const k = options?.k ?? 20
  const proximity = options?.proximity ?? true
  const lat = sim.latency
  const rng = sim.rng
  let offered = 0
  let candidates = 0
  const pick: number[] = []
  const rtt: number[] = []
  const order: number[] = []
  const chosen = new Set<number>()
  for (const n of sorted) {
    const mineTop = topBits(n.id)
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
        ownCount = lowerBoundBig(sorted, ownLo + (1n << shift)) - lowerBoundBig(sorted, ownLo)
        const lo = (mine ^ 1n) << shift
        startI = lowerBoundBig(sorted, lo)
        count = lowerBoundBig(sorted, lo + (1n << shift)) - startI
      }
      pick.length = 0
      if (count <= candidatesPerBucket) {
        for (let i = 0; i < count; i++) pick.push(startI + i)
      } else {
        chosen.clear()
        while (chosen.size < candidatesPerBucket) chosen.add(rng.int(count))
        for (const i of chosen) pick.push(startI + i)
      }
      candidates += pick.length
      if (pick.length > 0) {
        rtt.length = 0
        for (const i of pick) rtt.push(2 * lat.latency(n.index, sorted[i].index))
        order.length = 0
        if (pick.length <= k || !proximity) {
          for (let j = 0; j < Math.min(k, pick.length); j++) order.push(j)
        } else {
          // The k fastest; ties go to the earlier offer, as the table's strict "faster" test does.
          for (let j = 0; j < pick.length; j++) order.push(j)
          order.sort((x, y) => rtt[x] - rtt[y] || x - y)
          order.length = k
          order.sort((x, y) => x - y)
        }
        for (const j of order) {
          const c: SimNode = sorted[pick[j]]
          n.core.handlePeerUp(sim.now, c.ref, c.id, rtt[j])
          offered++
        }
      }
      if (ownCount <= 1) break
    }
    n.driver.flush()
  }
  return { offered, candidates, wallMs: performance.now() - start }
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

function lowerBoundBig (sorted: readonly SimNode[], value: bigint): number {
  let lo = 0
  let hi = sorted.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (sorted[mid].idBig < value) lo = mid + 1
    else hi = mid
  }
  return lo
}
