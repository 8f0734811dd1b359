// The IP multicast baseline on the same topology: the shortest-path tree from the source's
// router to the routers of the members (what PIM-SM/DVMRP source trees deliver along). One
// copy crosses each link of the tree once; the source's and each member's LAN link carry one
// copy. Delay to a member is its shortest-path delay from the source.
import type { LinkStress } from './metrics.ts'
import type { TransitStubLatency } from './topology.ts'

export interface IpMulticastGroup {
  /** Delay from the source to each member (same order as `members`), in ms. */
  delays: Float64Array
  /** Router links of the shortest-path tree. */
  routerLinks: number[]
}

/**
 * The IP multicast tree from `source` to `members`, walking each member's router back along
 * the source router's shortest-path predecessors until it meets the tree. Adds its copies to
 * `stress` when given.
 */
export function ipMulticast (model: TransitStubLatency, source: number, members: ArrayLike<number>, stress?: LinkStress, mark?: Uint32Array, stamp = 1): IpMulticastGroup {
  const g = model.topology.graph
  const lan = model.topology.options.lanMs
  const rs = model.router(source)
  const pred = g.predecessors(rs)
  const dist = g.distances(rs)
  // Routers already on the tree carry this stamp (a reusable array avoids clearing it per group).
  const onTree = mark ?? new Uint32Array(g.routers)
  onTree[rs] = stamp
  const delays = new Float64Array(members.length)
  const routerLinks: number[] = []
  let anyCopy = false
  for (let j = 0; j < members.length; j++) {
    const m = members[j]
    if (m === source) continue
    anyCopy = true
    const rm = model.router(m)
    delays[j] = 2 * lan + dist[rm]
    if (stress !== undefined) stress.counts[stress.lan(m)]++
    for (let r = rm; onTree[r] !== stamp;) {
      onTree[r] = stamp
      const l = pred[r]
      routerLinks.push(l)
      r = g.other(l, r)
    }
  }
  if (stress !== undefined) {
    if (anyCopy) stress.counts[stress.lan(source)]++
    for (const l of routerLinks) stress.counts[l]++
  }
  return { delays, routerLinks }
}
