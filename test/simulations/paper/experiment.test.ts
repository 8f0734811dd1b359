// The paper experiment at small scale (2,000 nodes, 50 groups) on trees the real core builds:
// what the simulator delivers matches the delays computed on the trees read from the cores,
// the penalties obey the bounds that must hold, and the switches (PNS, fan-out cap, liveness
// timers) have the effects they must.
import { beforeAll, describe, expect, it } from 'vitest'
import { groupSizes, makeTopology, runExperiment } from '../../../simulations/paper/experiment.ts'
import type { RunConfig, RunResult } from '../../../simulations/paper/experiment.ts'
import { leanBootstrap } from '../../../simulations/paper/bootstrap.ts'
import { paperPlan } from '../../../simulations/paper/runner.ts'
import { TransitStubLatency } from '../../../simulations/paper/topology.ts'
import { Simulator } from '../../../simulations/simulator.ts'

const topology = makeTopology(1)
const base: RunConfig = {
  experiment: 'zipf',
  variant: 'test',
  nodes: 2000,
  groups: 50,
  groupSize: 0,
  zipf: 1.25,
  seed: 1,
  proximity: true,
  maxChildren: 64,
  bucketCandidates: 1000,
  subscribeWindowMs: 2000,
  maxVirtualMs: 30_000,
  livenessScale: 10
}
const run = (o: Partial<RunConfig>): RunResult => runExperiment({ ...base, ...o }, topology)
const trees = (r: RunResult): unknown => ({ rad: r.rad, rmd: r.rmd, nodeStress: r.nodeStress, linkStress: r.linkStress, ipLinkStress: r.ipLinkStress, treeNodes: r.treeNodes, maxDepth: r.maxDepth, distributions: r.distributions })

describe('paper experiment, 2,000 nodes and 50 Zipf groups', () => {
  let main: RunResult
  let nocap: RunResult
  let nopns: RunResult
  beforeAll(() => {
    main = run({})
    nocap = run({ maxChildren: Infinity })
    nopns = run({ proximity: false })
  })

  it('subscribes the paper\'s group sizes', () => {
    const sizes = groupSizes(base)
    expect(sizes[0]).toBe(2000)
    expect(sizes[1]).toBe(Math.floor(2000 * 2 ** -1.25 + 0.5))
    expect(sizes[49]).toBe(Math.floor(2000 * 50 ** -1.25 + 0.5))
    expect(main.subscriptions).toBe(sizes.reduce((a, b) => a + b, 0))
  })

  it('builds settled trees that deliver the multicast to every member with the delays computed on them', () => {
    for (const r of [main, nocap, nopns]) {
      expect(r.build.settled).toBe(true)
      expect(r.delivery.unreached).toBe(0)
      expect(r.delivery.delivered).toBe(r.subscriptions)
      expect(r.delivery.maxDelayDiffMs).toBeLessThan(1e-6)
      expect(r.delivery.parentMismatches).toBe(0)
      expect(r.delivery.otherRoots).toBe(0)
      // One copy per tree edge: the DATA messages the cores sent.
      expect(r.build.messages.data).toBe(r.treeEdges)
    }
  })

  it('never beats IP multicast: tree paths are at least the shortest paths (RAD, RMD ≥ 1)', () => {
    for (const r of [main, nocap, nopns]) {
      expect(r.rad.count).toBe(50)
      expect(r.distributions.rad[0][0]).toBeGreaterThanOrEqual(1 - 1e-9)
      expect(r.distributions.rmd[0][0]).toBeGreaterThanOrEqual(1 - 1e-9)
      expect(r.delayMs.treeMean).toBeGreaterThan(r.delayMs.ipMean)
    }
  })

  it('IP multicast puts at most one copy per group on a link; the trees put more copies on the links in all', () => {
    for (const r of [main, nocap, nopns]) {
      expect(r.ipLinkStress.max).toBeLessThanOrEqual(50)
      expect(r.linkStress.total).toBeGreaterThan(r.ipLinkStress.total)
      expect(r.linkStress.max).toBeGreaterThan(r.ipLinkStress.max)
    }
  })

  it('the fan-out cap bounds the children a node has in one tree; without it the roots of big groups carry more', () => {
    expect(main.nodeStress.maxChildrenInOneTree).toBeLessThanOrEqual(64)
    expect(main.build.redirects).toBeGreaterThan(0)
    expect(nocap.nodeStress.maxChildrenInOneTree).toBeGreaterThan(64)
    expect(nocap.nodeStress.entries.max).toBeGreaterThan(main.nodeStress.entries.max)
    expect(nocap.build.redirects).toBe(0)
    // Same members, same tables: the cap only moves children down a level.
    expect(main.subscriptions).toBe(nocap.subscriptions)
    expect(main.maxDepth).toBeGreaterThanOrEqual(nocap.maxDepth)
  })

  it('proximity neighbour selection lowers the delay penalty', () => {
    expect(nopns.rad.mean).toBeGreaterThan(main.rad.mean * 1.5)
    const weak = run({ bucketCandidates: 48 })
    expect(weak.rad.mean).toBeGreaterThan(main.rad.mean)
    expect(weak.rad.mean).toBeLessThan(nopns.rad.mean)
  })

  it('is a function of its seed', () => {
    expect(trees(run({}))).toEqual(trees(main))
    expect(trees(run({ seed: 2 }))).not.toEqual(trees(main))
  })
})

describe('modelling choices that must not change the trees', () => {
  it('slower liveness timers (no failures here) leave the trees as the core defaults build them', () => {
    const o: Partial<RunConfig> = { nodes: 1000, groups: 30 }
    const fast = run({ ...o, livenessScale: 1 })
    const slow = run({ ...o, livenessScale: 10 })
    expect(trees(slow)).toEqual(trees(fast))
    expect(slow.build.events).toBeLessThan(fast.build.events)
  })

  it('the lean bootstrap leaves the routing tables the simulator\'s bootstrap leaves', () => {
    for (const proximity of [true, false]) {
      const make = (): Simulator => {
        const s = new Simulator({ seed: 3, core: { proximity } })
        for (let i = 0; i < 1500; i++) s.addNode()
        return s
      }
      const a = make()
      a.bootstrap()
      const b = make()
      const stats = leanBootstrap(b, 48)
      let contacts = 0
      for (let i = 0; i < a.nodes.length; i++) {
        const ta = [...a.nodes[i].core.table.contacts()].map(c => c.ref).sort()
        const tb = [...b.nodes[i].core.table.contacts()].map(c => c.ref).sort()
        expect(tb).toEqual(ta)
        contacts += ta.length
      }
      expect(stats.offered).toBe(contacts)
      expect(stats.candidates).toBeGreaterThan(contacts)
    }
  })

  it('a variant that replays a recorded bootstrap builds what it would build sampling afresh', () => {
    const o: Partial<RunConfig> = { nodes: 1000, groups: 30 }
    const bootstraps = new Map()
    const first = runExperiment({ ...base, ...o }, topology, { bootstraps, recordBootstrap: true })
    expect(bootstraps.size).toBe(1)
    const replayed = runExperiment({ ...base, ...o, maxChildren: Infinity }, topology, { bootstraps })
    const fresh = run({ ...o, maxChildren: Infinity })
    expect(replayed.build.bootstrapReplayed).toBe(true)
    expect(fresh.build.bootstrapReplayed).toBe(false)
    expect(replayed.build.bootstrapOffered).toBe(first.build.bootstrapOffered)
    expect(trees(replayed)).toEqual(trees(fresh))
  })

  it('on the transit-stub model the tables differ only in which of equally fast candidates is kept', () => {
    const make = (): Simulator => {
      const s = new Simulator({ seed: 3, latency: new TransitStubLatency(topology) })
      for (let i = 0; i < 1500; i++) s.addNode()
      return s
    }
    const a = make()
    a.bootstrap()
    const b = make()
    leanBootstrap(b, 48)
    let differing = 0
    let total = 0
    for (let i = 0; i < a.nodes.length; i++) {
      const rtt = new Map([...a.nodes[i].core.table.contacts()].map(c => [c.ref, c.rtt]))
      const lean = [...b.nodes[i].core.table.contacts()]
      expect(lean.length).toBe(rtt.size)
      total += lean.length
      for (const c of lean) {
        if (rtt.has(c.ref)) continue
        differing++
        // A different contact is exactly as fast as one the simulator's bootstrap kept.
        expect([...rtt.values()]).toContain(c.rtt)
      }
    }
    expect(differing / total).toBeLessThan(0.01)
  })
})

describe('the plan', () => {
  it('has the paper\'s sizes at full scale and one change per variant', () => {
    const full = paperPlan({ scale: 'full', seed: 1 })
    const zipf = full.filter(c => c.experiment === 'zipf')
    const small = full.filter(c => c.experiment === 'small-groups')
    expect(zipf.map(c => [c.nodes, c.groups, c.groupSize])[0]).toEqual([100_000, 1500, 0])
    expect(small.map(c => [c.nodes, c.groups, c.groupSize])[0]).toEqual([50_000, 30_000, 11])
    expect(zipf.map(c => c.variant)).toEqual(['pns-cap64', 'pns-nocap', 'pns48-cap64', 'nopns-cap64'])
    expect(zipf.find(c => c.variant === 'pns-nocap')?.maxChildren).toBe(Infinity)
    expect(zipf.find(c => c.variant === 'nopns-cap64')?.proximity).toBe(false)
    expect(zipf.find(c => c.variant === 'pns48-cap64')?.bucketCandidates).toBe(48)
    expect(() => paperPlan({ scale: 'small', seed: 1, variants: ['bogus'] })).toThrow(/unknown variant/)
  })
})
