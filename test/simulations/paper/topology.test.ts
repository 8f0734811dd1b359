// The transit-stub generator and the router-level shortest paths behind the latency model.
import { describe, expect, it } from 'vitest'
import { Rng } from '../../../src/core/rng.ts'
import { LINK_KINDS, linkDelayStats, RouterGraph, TOPOLOGY_DEFAULTS, transitStub, TransitStubLatency } from '../../../simulations/paper/topology.ts'
import type { TransitStub } from '../../../simulations/paper/topology.ts'

/** Routers 0 -10- 1 -20- 2, and 1 -5- 3: hand-checkable distances. */
function handTopology (): TransitStub {
  const graph = new RouterGraph(4, 0, [
    { a: 0, b: 1, delay: 10, kind: 0 },
    { a: 1, b: 2, delay: 20, kind: 0 },
    { a: 1, b: 3, delay: 5, kind: 0 }
  ])
  return { graph, options: { ...TOPOLOGY_DEFAULTS, lanMs: 1 }, firstStub: 0, stubCount: 4 }
}

describe('transit-stub topology', () => {
  const t = transitStub(1)

  it('has the paper\'s 5,050 routers in GT-ITM\'s hierarchy, connected', () => {
    expect(t.graph.routers).toBe(5050)
    expect(t.firstStub).toBe(50)
    expect(t.stubCount).toBe(5000)
    expect(t.graph.connected()).toBe(true)
    const s = linkDelayStats(t)
    // One uplink per stub domain: 10 transit domains × 5 routers × 10 stub domains.
    expect(s.byKind['transit-stub'].count).toBe(500)
    // Each domain is at least a spanning tree.
    expect(s.byKind['intra-stub'].count).toBeGreaterThanOrEqual(500 * 9)
    expect(s.byKind['intra-transit'].count).toBeGreaterThanOrEqual(10 * 4)
    expect(s.byKind['transit-transit'].count).toBeGreaterThanOrEqual(9)
  })

  it('draws each link\'s delay from the range of its kind', () => {
    const g = t.graph
    for (let l = 0; l < g.links; l++) {
      const [lo, hi] = TOPOLOGY_DEFAULTS.delayMs[LINK_KINDS[g.linkKind[l]]]
      expect(g.linkDelay[l]).toBeGreaterThanOrEqual(lo)
      expect(g.linkDelay[l]).toBeLessThanOrEqual(hi)
      const a = g.linkA[l]
      const b = g.linkB[l]
      const kind = LINK_KINDS[g.linkKind[l]]
      // Transit routers are 0..49: the kind matches the ends.
      if (kind === 'intra-stub') expect(a >= 50 && b >= 50).toBe(true)
      if (kind === 'transit-transit' || kind === 'intra-transit') expect(a < 50 && b < 50).toBe(true)
      if (kind === 'transit-stub') expect((a < 50) !== (b < 50)).toBe(true)
    }
  })

  it('is a function of its seed', () => {
    const again = transitStub(1)
    expect(Array.from(again.graph.linkDelay)).toEqual(Array.from(t.graph.linkDelay))
    const other = transitStub(2)
    expect(Array.from(other.graph.linkDelay)).not.toEqual(Array.from(t.graph.linkDelay))
  })

  it('shortest paths obey the triangle inequality and are symmetric', () => {
    const rng = new Rng(3)
    for (let i = 0; i < 200; i++) {
      const a = rng.int(5050)
      const b = rng.int(5050)
      const c = rng.int(5050)
      const dab = t.graph.distances(a)[b]
      expect(t.graph.distances(b)[a]).toBeCloseTo(dab, 9)
      expect(dab).toBeLessThanOrEqual(t.graph.distances(a)[c] + t.graph.distances(c)[b] + 1e-9)
      // The path's links add up to the distance.
      const sum = t.graph.path(a, b).reduce((s, l) => s + t.graph.linkDelay[l], 0)
      expect(sum).toBeCloseTo(dab, 9)
    }
  })
})

describe('router graph by hand', () => {
  it('distances, predecessor links and paths', () => {
    const { graph } = handTopology()
    expect(Array.from(graph.distances(0))).toEqual([0, 10, 30, 15])
    expect(Array.from(graph.distances(2))).toEqual([30, 20, 0, 25])
    expect(graph.path(0, 2)).toEqual([0, 1])
    expect(graph.path(2, 3)).toEqual([1, 2])
    expect(graph.path(3, 3)).toEqual([])
  })

  it('breaks ties between equal paths the same way every time', () => {
    // Two equal paths 0-1-3 and 0-2-3.
    const g = new RouterGraph(4, 0, [
      { a: 0, b: 1, delay: 1, kind: 0 }, { a: 1, b: 3, delay: 1, kind: 0 },
      { a: 0, b: 2, delay: 1, kind: 0 }, { a: 2, b: 3, delay: 1, kind: 0 }
    ])
    expect(g.distances(0)[3]).toBe(2)
    expect(g.path(0, 3)).toEqual([0, 1])
  })

  it('rejects self-loops and non-positive delays', () => {
    expect(() => new RouterGraph(2, 0, [{ a: 1, b: 1, delay: 1, kind: 0 }])).toThrow(RangeError)
    expect(() => new RouterGraph(2, 0, [{ a: 0, b: 1, delay: 0, kind: 0 }])).toThrow(RangeError)
  })

  it('latency between end nodes = LAN + router path + LAN, 0 to itself', () => {
    const m = new TransitStubLatency(handTopology())
    m.attach(0, 0); m.attach(1, 2); m.attach(2, 3); m.attach(3, 2)
    expect(m.latency(0, 1)).toBe(32)
    expect(m.latency(1, 0)).toBe(32)
    expect(m.latency(0, 2)).toBe(17)
    expect(m.latency(1, 3)).toBe(2) // same router: two LAN links
    expect(m.latency(2, 2)).toBe(0)
  })

  it('places end nodes on stub routers only, uniformly', () => {
    const t = transitStub(1)
    const m = new TransitStubLatency(t)
    const rng = new Rng(9)
    const perDomain = new Int32Array(t.graph.routers)
    for (let i = 0; i < 20_000; i++) {
      m.place(i, rng)
      const r = m.router(i)
      expect(r).toBeGreaterThanOrEqual(t.firstStub)
      perDomain[r]++
    }
    // 4 per stub router on average: none of the 5,000 should be far off.
    expect(Math.max(...perDomain)).toBeLessThan(20)
  })
})
