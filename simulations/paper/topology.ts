// A transit-stub router topology in the manner of GT-ITM (Zegura, Calvert, Bhattacharjee,
// "How to model an internetwork", INFOCOM 1996), the kind the SCRIBE paper simulated on: transit
// domains joined to each other, each transit router with stub domains hanging off it, every
// domain a random connected graph, link delays drawn by kind of link. End nodes sit on stub
// routers behind a LAN link. The delay between two end nodes is the shortest-path delay over
// routers plus both LAN links; shortest paths are computed per router (Dijkstra) when first
// needed and cached, never as a matrix of end nodes.
import { Rng } from '../../src/core/rng.ts'
import type { LatencyModel } from '../network.ts'

export type LinkKind = 'transit-transit' | 'intra-transit' | 'transit-stub' | 'intra-stub'
export const LINK_KINDS: readonly LinkKind[] = ['transit-transit', 'intra-transit', 'transit-stub', 'intra-stub']

export interface TopologyOptions {
  /** Transit domains (GT-ITM's T). */
  transitDomains: number
  /** Routers per transit domain. */
  transitRouters: number
  /** Stub domains attached to each transit router. */
  stubsPerTransitRouter: number
  /** Routers per stub domain. */
  stubRouters: number
  /** Extra-edge probability inside a transit domain (beyond a random spanning tree). */
  transitEdgeProb: number
  /** Extra-edge probability inside a stub domain. */
  stubEdgeProb: number
  /** Extra-edge probability between transit domains (beyond a random spanning tree of domains). */
  interDomainEdgeProb: number
  /** One-way delay ranges [min, max] in ms by kind of link, drawn uniformly. */
  delayMs: Record<LinkKind, readonly [number, number]>
  /** One-way delay of the LAN link between an end node and its stub router. */
  lanMs: number
}

/**
 * 10 × 5 × (1 + 10 × 10) = 5,050 routers, the size the SCRIBE paper used. Delays are ours: the
 * paper only says core links averaged about 40 ms and LAN links were 1 ms. We keep GT-ITM's
 * hierarchy (long inter-domain links, short links inside a stub domain); docs/paper.md says
 * what that does to the figures.
 */
export const TOPOLOGY_DEFAULTS: Readonly<TopologyOptions> = Object.freeze({
  transitDomains: 10,
  transitRouters: 5,
  stubsPerTransitRouter: 10,
  stubRouters: 10,
  transitEdgeProb: 0.6,
  stubEdgeProb: 0.2,
  interDomainEdgeProb: 0.3,
  delayMs: Object.freeze({
    'transit-transit': [40, 80] as const,
    'intra-transit': [10, 30] as const,
    'transit-stub': [4, 12] as const,
    'intra-stub': [1, 5] as const
  }),
  lanMs: 1
})

export function topologyOptions (overrides: Partial<TopologyOptions> = {}): TopologyOptions {
  return { ...TOPOLOGY_DEFAULTS, ...overrides, delayMs: { ...TOPOLOGY_DEFAULTS.delayMs, ...overrides.delayMs } }
}

/** An undirected weighted graph of routers in compressed adjacency form. */
export class RouterGraph {
  readonly routers: number
  /** Link endpoints and delays, by link id. */
  readonly linkA: Int32Array
  readonly linkB: Int32Array
  readonly linkDelay: Float64Array
  readonly linkKind: Uint8Array
  /** Routers 0..transitCount-1 are transit routers; the rest are stub routers. */
  readonly transitCount: number
  // Adjacency (CSR): for router r, entries adjStart[r]..adjStart[r+1]-1 of adjTo / adjLink.
  private readonly adjStart: Int32Array
  private readonly adjTo: Int32Array
  private readonly adjLink: Int32Array
  private readonly dist: Array<Float64Array | undefined>
  private readonly pred: Array<Int32Array | undefined>

  constructor (routers: number, transitCount: number, links: ReadonlyArray<{ a: number, b: number, delay: number, kind: number }>) {
    this.routers = routers
    this.transitCount = transitCount
    const m = links.length
    this.linkA = new Int32Array(m)
    this.linkB = new Int32Array(m)
    this.linkDelay = new Float64Array(m)
    this.linkKind = new Uint8Array(m)
    const degree = new Int32Array(routers + 1)
    links.forEach((l, i) => {
      if (l.a === l.b || l.a < 0 || l.b < 0 || l.a >= routers || l.b >= routers) throw new RangeError(`bad link ${l.a}-${l.b}`)
      if (!(l.delay > 0)) throw new RangeError(`link ${l.a}-${l.b} needs a positive delay`)
      this.linkA[i] = l.a; this.linkB[i] = l.b; this.linkDelay[i] = l.delay; this.linkKind[i] = l.kind
      degree[l.a + 1]++; degree[l.b + 1]++
    })
    for (let r = 0; r < routers; r++) degree[r + 1] += degree[r]
    this.adjStart = degree
    this.adjTo = new Int32Array(2 * m)
    this.adjLink = new Int32Array(2 * m)
    const fill = this.adjStart.slice(0, routers)
    for (let i = 0; i < m; i++) {
      const a = this.linkA[i]
      const b = this.linkB[i]
      this.adjTo[fill[a]] = b; this.adjLink[fill[a]++] = i
      this.adjTo[fill[b]] = a; this.adjLink[fill[b]++] = i
    }
    this.dist = new Array(routers)
    this.pred = new Array(routers)
  }

  get links (): number {
    return this.linkA.length
  }

  /** Shortest-path delays from router `from` to every router (computed once, then cached). */
  distances (from: number): Float64Array {
    return this.dist[from] ?? this.dijkstra(from)[0]
  }

  /** For each router, the link by which the shortest path from `from` reaches it (-1 at `from`). */
  predecessors (from: number): Int32Array {
    return this.pred[from] ?? this.dijkstra(from)[1]
  }

  /** The link ids of the shortest path from router a to router b. */
  path (a: number, b: number): number[] {
    const pred = this.predecessors(a)
    const out: number[] = []
    for (let r = b; r !== a;) {
      const l = pred[r]
      out.push(l)
      r = this.linkA[l] === r ? this.linkB[l] : this.linkA[l]
    }
    return out.reverse()
  }

  /** The other end of link l from router r. */
  other (l: number, r: number): number {
    return this.linkA[l] === r ? this.linkB[l] : this.linkA[l]
  }

  /** Rows cached so far (for memory reports). */
  get cachedRows (): number {
    let n = 0
    for (const d of this.dist) if (d !== undefined) n++
    return n
  }

  /** Is every router reachable from router 0? */
  connected (): boolean {
    const d = this.distances(0)
    for (let r = 0; r < this.routers; r++) if (!Number.isFinite(d[r])) return false
    return true
  }

  // Dijkstra with a binary heap keyed by (distance, router): ties break by router number, so
  // paths are a pure function of the graph.
  private dijkstra (from: number): [Float64Array, Int32Array] {
    const n = this.routers
    const dist = new Float64Array(n).fill(Infinity)
    const pred = new Int32Array(n).fill(-1)
    const done = new Uint8Array(n)
    const heapR = new Int32Array(this.adjTo.length + 1)
    const heapD = new Float64Array(this.adjTo.length + 1)
    let size = 0
    const push = (r: number, d: number): void => {
      let i = size++
      while (i > 0) {
        const p = (i - 1) >> 1
        if (heapD[p] < d || (heapD[p] === d && heapR[p] < r)) break
        heapR[i] = heapR[p]; heapD[i] = heapD[p]
        i = p
      }
      heapR[i] = r; heapD[i] = d
    }
    const pop = (): number => {
      const top = heapR[0]
      const r = heapR[--size]
      const d = heapD[size]
      let i = 0
      for (;;) {
        const l = 2 * i + 1
        if (l >= size) break
        let c = l
        if (l + 1 < size && (heapD[l + 1] < heapD[l] || (heapD[l + 1] === heapD[l] && heapR[l + 1] < heapR[l]))) c = l + 1
        if (heapD[c] > d || (heapD[c] === d && heapR[c] > r)) break
        heapR[i] = heapR[c]; heapD[i] = heapD[c]
        i = c
      }
      heapR[i] = r; heapD[i] = d
      return top
    }
    dist[from] = 0
    push(from, 0)
    while (size > 0) {
      const u = pop()
      if (done[u] === 1) continue
      done[u] = 1
      const du = dist[u]
      for (let e = this.adjStart[u]; e < this.adjStart[u + 1]; e++) {
        const v = this.adjTo[e]
        const l = this.adjLink[e]
        const nd = du + this.linkDelay[l]
        // Equal delays: keep the path through the lower-numbered link (deterministic).
        if (nd < dist[v] || (nd === dist[v] && done[v] === 0 && l < pred[v])) {
          dist[v] = nd
          pred[v] = l
          push(v, nd)
        }
      }
    }
    this.dist[from] = dist
    this.pred[from] = pred
    return [dist, pred]
  }
}

/** A generated transit-stub topology: the router graph and which routers are stub routers. */
export interface TransitStub {
  graph: RouterGraph
  options: TopologyOptions
  /** First stub router; stub routers are firstStub..graph.routers-1. */
  firstStub: number
  stubCount: number
}

/** Generates a transit-stub router graph from a seed. */
export function transitStub (seed: number, overrides: Partial<TopologyOptions> = {}): TransitStub {
  const o = topologyOptions(overrides)
  const rng = new Rng(seed)
  const links: Array<{ a: number, b: number, delay: number, kind: number }> = []
  const kindIndex = (k: LinkKind): number => LINK_KINDS.indexOf(k)
  const delay = (k: LinkKind): number => {
    const [lo, hi] = o.delayMs[k]
    return lo + rng.next() * (hi - lo)
  }
  const link = (a: number, b: number, k: LinkKind): void => { links.push({ a, b, delay: delay(k), kind: kindIndex(k) }) }
  // A random connected graph on the given routers: a random spanning tree, then each other
  // pair with probability p.
  const domain = (routers: number[], p: number, k: LinkKind): void => {
    const has = new Set<number>()
    for (let i = 1; i < routers.length; i++) {
      const j = rng.int(i)
      link(routers[i], routers[j], k)
      has.add(i * routers.length + j)
    }
    for (let i = 1; i < routers.length; i++) {
      for (let j = 0; j < i; j++) if (!has.has(i * routers.length + j) && rng.next() < p) link(routers[i], routers[j], k)
    }
  }

  const T = o.transitDomains
  const perT = o.transitRouters
  const transitCount = T * perT
  const transitOf = (d: number): number[] => Array.from({ length: perT }, (_, i) => d * perT + i)
  for (let d = 0; d < T; d++) domain(transitOf(d), o.transitEdgeProb, 'intra-transit')
  // Transit domains joined by a random connected graph of domains; each domain edge is a
  // link between a random router of each.
  const domainEdges = new Set<number>()
  const joinDomains = (x: number, y: number): void => {
    domainEdges.add(Math.min(x, y) * T + Math.max(x, y))
    link(x * perT + rng.int(perT), y * perT + rng.int(perT), 'transit-transit')
  }
  for (let d = 1; d < T; d++) joinDomains(d, rng.int(d))
  for (let x = 0; x < T; x++) {
    for (let y = x + 1; y < T; y++) if (!domainEdges.has(x * T + y) && rng.next() < o.interDomainEdgeProb) joinDomains(x, y)
  }
  // Stub domains: each hangs off its transit router by one link from a random stub router.
  let next = transitCount
  for (let t = 0; t < transitCount; t++) {
    for (let s = 0; s < o.stubsPerTransitRouter; s++) {
      const routers = Array.from({ length: o.stubRouters }, (_, i) => next + i)
      next += o.stubRouters
      domain(routers, o.stubEdgeProb, 'intra-stub')
      link(t, routers[rng.int(routers.length)], 'transit-stub')
    }
  }
  const graph = new RouterGraph(next, transitCount, links)
  return { graph, options: o, firstStub: transitCount, stubCount: next - transitCount }
}

/**
 * The simulator's latency model on a transit-stub topology: `place` attaches an end node to a
 * stub router chosen uniformly; latency(a, b) = LAN + router shortest path + LAN (0 for a node
 * to itself).
 */
export class TransitStubLatency implements LatencyModel {
  readonly topology: TransitStub
  private routerOf: Int32Array = new Int32Array(1024)

  constructor (topology: TransitStub) {
    this.topology = topology
  }

  place (index: number, rng: Rng): void {
    this.attach(index, this.topology.firstStub + rng.int(this.topology.stubCount))
  }

  /** Attaches end node `index` to `router` (tests place nodes by hand). */
  attach (index: number, router: number): void {
    if (index >= this.routerOf.length) {
      const grown = new Int32Array(Math.max(index + 1, this.routerOf.length * 2))
      grown.set(this.routerOf)
      this.routerOf = grown
    }
    this.routerOf[index] = router
  }

  router (index: number): number {
    return this.routerOf[index]
  }

  latency (a: number, b: number): number {
    if (a === b) return 0
    const ra = this.routerOf[a]
    return this.topology.options.lanMs * 2 + this.topology.graph.distances(ra)[this.routerOf[b]]
  }
}

/** Mean delay of the router links by kind, and overall (for the report). */
export function linkDelayStats (t: TransitStub): { count: number, meanMs: number, byKind: Record<LinkKind, { count: number, meanMs: number }> } {
  const g = t.graph
  const byKind = {} as Record<LinkKind, { count: number, meanMs: number }>
  for (const k of LINK_KINDS) byKind[k] = { count: 0, meanMs: 0 }
  let sum = 0
  for (let l = 0; l < g.links; l++) {
    const k = byKind[LINK_KINDS[g.linkKind[l]]]
    k.count++
    k.meanMs += g.linkDelay[l]
    sum += g.linkDelay[l]
  }
  for (const k of LINK_KINDS) byKind[k].meanMs = byKind[k].count === 0 ? 0 : byKind[k].meanMs / byKind[k].count
  return { count: g.links, meanMs: g.links === 0 ? 0 : sum / g.links, byKind }
}
