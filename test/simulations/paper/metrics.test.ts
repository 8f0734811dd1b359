// The paper's metrics against cases computed by hand: a star, a path and a known tree on a
// known four-router topology, and IP multicast on it.
import { describe, expect, it } from 'vitest'
import { cdf, groupDelay, LinkStress, NodeStress, summarize, treeDelays, treeFromEdges } from '../../../simulations/paper/metrics.ts'
import { ipMulticast } from '../../../simulations/paper/ip-multicast.ts'
import { RouterGraph, TOPOLOGY_DEFAULTS, TransitStubLatency } from '../../../simulations/paper/topology.ts'

// Routers 0 -10- 1 -20- 2 and 1 -5- 3 (links 0, 1, 2); LAN links 1 ms.
// End nodes: a (0) on router 0, b (1) and d (3) on router 2, c (2) on router 3.
// One-way delays: a-b 32, a-c 17, a-d 32, b-c 27, b-d 2, c-d 27.
const A = 0
const B = 1
const C = 2
const D = 3
function model (): TransitStubLatency {
  const graph = new RouterGraph(4, 0, [
    { a: 0, b: 1, delay: 10, kind: 0 },
    { a: 1, b: 2, delay: 20, kind: 1 },
    { a: 1, b: 3, delay: 5, kind: 2 }
  ])
  const m = new TransitStubLatency({ graph, options: { ...TOPOLOGY_DEFAULTS, lanMs: 1 }, firstStub: 0, stubCount: 4 })
  m.attach(A, 0); m.attach(B, 2); m.attach(C, 3); m.attach(D, 2)
  return m
}
const L01 = 0
const L12 = 1
const L13 = 2
const lan = (n: number): number => 3 + n

describe('a star: the root sends to every member directly', () => {
  const m = model()
  const lat = (x: number, y: number): number => m.latency(x, y)
  const star = treeFromEdges(A, [[A, B], [A, C], [A, D]])

  it('has the unicast delays, so RAD = RMD = 1', () => {
    expect(Array.from(treeDelays(star, lat))).toEqual([0, 32, 17, 32])
    const g = groupDelay(star, [B, C, D], lat)
    expect(g.meanTreeMs).toBeCloseTo(27, 12)
    expect(g.meanIpMs).toBeCloseTo(27, 12)
    expect(g.rad).toBeCloseTo(1, 12)
    expect(g.rmd).toBeCloseTo(1, 12)
    expect(g.unreached).toBe(0)
  })

  it('puts three copies on the root\'s LAN and on link 0-1; IP multicast one', () => {
    const s = new LinkStress(m, 4)
    s.addTree(star)
    expect(Array.from(s.counts)).toEqual([3, 2, 1, /* LANs */ 3, 1, 1, 1])
    expect(s.summary()).toEqual({ mean: 12 / 7, max: 3, linksUsed: 7, total: 12, meanAllLinks: 12 / 7 })
    expect(s.byKind(['x', 'y', 'z'])).toEqual({
      x: { linksUsed: 1, mean: 3, max: 3 },
      y: { linksUsed: 1, mean: 2, max: 2 },
      z: { linksUsed: 1, mean: 1, max: 1 },
      lan: { linksUsed: 4, mean: 6 / 4, max: 3 }
    })
    const ip = new LinkStress(m, 4)
    const r = ipMulticast(m, A, [B, C, D], ip)
    expect(Array.from(r.delays)).toEqual([32, 17, 32])
    expect(Array.from(ip.counts)).toEqual([1, 1, 1, 1, 1, 1, 1])
  })

  it('gives the root all the node stress', () => {
    const ns = new NodeStress(4)
    ns.addTree(star)
    expect(Array.from(ns.entries)).toEqual([3, 0, 0, 0])
    expect(Array.from(ns.tables)).toEqual([1, 0, 0, 0])
    expect(Array.from(ns.trees)).toEqual([1, 1, 1, 1])
  })
})

describe('a path: a → b → d → c', () => {
  const m = model()
  const lat = (x: number, y: number): number => m.latency(x, y)
  const path = treeFromEdges(A, [[A, B], [B, D], [D, C]])

  it('adds the delays along the path', () => {
    // b 32; d 32 + 2; c 34 + 27.
    expect(Array.from(treeDelays(path, lat))).toEqual([0, 32, 34, 61])
    const g = groupDelay(path, [B, C, D], lat)
    expect(g.meanTreeMs).toBeCloseTo((32 + 34 + 61) / 3, 12)
    expect(g.meanIpMs).toBeCloseTo((32 + 17 + 32) / 3, 12)
    expect(g.rad).toBeCloseTo(127 / 81, 12)
    expect(g.maxTreeMs).toBe(61)
    expect(g.maxIpMs).toBe(32)
    expect(g.rmd).toBeCloseTo(61 / 32, 12)
  })

  it('crosses link 1-2 twice (a→b and d→c)', () => {
    const s = new LinkStress(m, 4)
    s.addTree(path)
    const c = s.counts
    expect(c[L01]).toBe(1)
    expect(c[L12]).toBe(2)
    expect(c[L13]).toBe(1)
    expect([c[lan(A)], c[lan(B)], c[lan(C)], c[lan(D)]]).toEqual([1, 2, 1, 2])
    expect(s.summary()).toMatchObject({ max: 2, linksUsed: 7, total: 10 })
  })

  it('spreads node stress: one child each except the last', () => {
    const ns = new NodeStress(4)
    ns.addTree(path)
    expect(Array.from(ns.entries)).toEqual([1, 1, 0, 1])
    expect(Array.from(ns.tables)).toEqual([1, 1, 0, 1])
  })
})

describe('a known tree: a → {b, c}, b → d, with a non-member forwarder', () => {
  const m = model()
  const lat = (x: number, y: number): number => m.latency(x, y)
  const tree = treeFromEdges(A, [[A, B], [A, C], [B, D]])

  it('measures only members (b forwards but is not one) and counts a missing one as unreached', () => {
    const g = groupDelay(tree, [C, D], lat)
    // c 17 (direct), d 32 + 2 = 34; IP: c 17, d 32.
    expect(g.meanTreeMs).toBeCloseTo((17 + 34) / 2, 12)
    expect(g.rad).toBeCloseTo(51 / 49, 12)
    expect(g.rmd).toBeCloseTo(34 / 32, 12)
    const missing = groupDelay(tree, [C, D, 7], lat)
    expect(missing.unreached).toBe(1)
    expect(missing.members).toBe(3)
    expect(missing.rad).toBeCloseTo(g.rad, 12)
  })

  it('has undefined penalties when the only member is the root', () => {
    const g = groupDelay(treeFromEdges(A, []), [A], lat)
    expect(g.rad).toBeNaN()
    expect(g.rmd).toBeNaN()
  })

  it('accumulates stress over groups', () => {
    const ns = new NodeStress(4)
    ns.addTree(tree)
    ns.addTree(treeFromEdges(D, [[D, A]]))
    expect(Array.from(ns.trees)).toEqual([2, 1, 1, 2])
    expect(Array.from(ns.entries)).toEqual([2, 1, 0, 1])
    expect(Array.from(ns.tables)).toEqual([1, 1, 0, 1])
  })
})

describe('IP multicast baseline', () => {
  const m = model()

  it('shares links: b and d behind the same router cost link 1-2 once', () => {
    const ip = new LinkStress(m, 4)
    const r = ipMulticast(m, A, [B, D], ip)
    expect(r.routerLinks.sort()).toEqual([L01, L12])
    expect(Array.from(ip.counts)).toEqual([1, 1, 0, 1, 1, 0, 1])
  })

  it('sends nothing when the source is the only member, and uses no router link to a member on its router', () => {
    const ip = new LinkStress(m, 4)
    expect(Array.from(ipMulticast(m, B, [B], ip).delays)).toEqual([0])
    expect(ip.summary().total).toBe(0)
    const r = ipMulticast(m, B, [D], ip)
    expect(Array.from(r.delays)).toEqual([2])
    expect(r.routerLinks).toEqual([])
    expect(ip.counts[lan(B)]).toBe(1)
    expect(ip.counts[lan(D)]).toBe(1)
  })
})

describe('tree and statistics helpers', () => {
  it('treeFromEdges rejects two parents, cycles and detached edges', () => {
    expect(() => treeFromEdges(A, [[A, B], [C, B]])).toThrow(/two parents/)
    expect(() => treeFromEdges(A, [[A, B], [B, A]])).toThrow(RangeError)
    expect(() => treeFromEdges(A, [[A, B], [C, D]])).toThrow(/below the root/)
  })

  it('summarize: mean and nearest-rank quantiles of finite values', () => {
    const s = summarize([4, 1, 3, 2, NaN, 10])
    expect(s).toEqual({ count: 5, mean: 4, p50: 3, p90: 10, p99: 10, max: 10 })
    expect(summarize([]).mean).toBeNaN()
  })

  it('cdf: fraction of values ≤ x, ending at the maximum with 1', () => {
    expect(cdf([3, 1, 2, 2])).toEqual([[1, 0.25], [2, 0.75], [3, 1]])
    const big = cdf(Array.from({ length: 10_000 }, (_, i) => i), 100)
    expect(big.length).toBeLessThanOrEqual(100)
    expect(big[0]).toEqual([0, 1 / 10_000])
    expect(big[big.length - 1]).toEqual([9999, 1])
  })
})
