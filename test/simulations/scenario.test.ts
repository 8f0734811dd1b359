// The simulator replays from its seed, keeps its invariants under churn, and its invariant
// checks do fail when the rules are broken.
import { describe, expect, it } from 'vitest'
import { checkAcyclic, checkReachable, InvariantViolation } from '../../simulations/invariants.ts'
import { replayCommand, runScenario, scenario, ScenarioFailure } from '../../simulations/scenario.ts'
import type { SimReport } from '../../simulations/scenario.ts'
import { Simulator } from '../../simulations/simulator.ts'

const SMALL = { peers: 200, topics: 20, publishStartMs: 4000, crashAtMs: 6000, endMs: 11_000 }
const stable = (r: SimReport): Partial<SimReport> => ({ ...r, wallMs: 0, peakRssBytes: 0 })

describe('determinism', () => {
  it('the same seed gives the same report (bar wall time and memory)', () => {
    const a = runScenario({ ...SMALL, seed: 7 })
    const b = runScenario({ ...SMALL, seed: 7 })
    expect(JSON.stringify(stable(a))).toBe(JSON.stringify(stable(b)))
    const c = runScenario({ ...SMALL, seed: 8 })
    expect(JSON.stringify(stable(c))).not.toBe(JSON.stringify(stable(a)))
  })

  it('encoding every frame with the wire codec changes nothing', () => {
    const plain = runScenario({ ...SMALL, peers: 120, seed: 3 })
    const wire = runScenario({ ...SMALL, peers: 120, seed: 3, wire: true })
    expect(JSON.stringify(stable(wire))).toBe(JSON.stringify(stable(plain)))
  })
})

describe('scenarios', () => {
  it('200 peers under churn keep every invariant and deliver to every live subscriber after repair', () => {
    const r = runScenario({ peers: 200, topics: 20, seed: 11, publishStartMs: 4000, crashAtMs: 6000, churnRounds: 3, churnEveryMs: 5000, churnFraction: 0.05, endMs: 27_000 })
    expect(r.crashed).toBe(20 + 3 * 9)
    expect(r.deliveryBeforeCrash).toBe(1)
    expect(r.deliveryAfterRepair).toBe(1)
    expect(r.unrepaired).toBe(0)
    expect(r.repairMs.max).not.toBeNull()
    expect(r.repairMs.max as number).toBeLessThanOrEqual(r.repairBoundMs)
  })

  it('a crash of half the peers is repaired too', () => {
    const r = runScenario({ ...SMALL, crash: 0.5, seed: 5 })
    expect(r.crashed).toBe(100)
    expect(r.deliveryAfterRepair).toBe(1)
    expect(r.unrepaired).toBe(0)
  })

  it('a partition splits the trees; after it heals they merge and every subscriber is served again', () => {
    const r = runScenario({ ...SMALL, seed: 6, crash: 0, partitionFraction: 0.3, partitionAtMs: 6500, partitionMs: 3000, endMs: 15_000 })
    expect(r.dropped.partition).toBeGreaterThan(0)
    expect(r.deliveryAfterRepair).toBe(1)
    expect(r.rootMismatches).toBe(0)
  })

  it('message loss lowers delivery (best effort) without breaking the trees', () => {
    const r = runScenario({ ...SMALL, seed: 9, crash: 0, network: { loss: 0.01 } })
    expect(r.dropped.loss).toBeGreaterThan(0)
    expect(r.deliveryBeforeCrash).toBeLessThan(1)
    expect(r.deliveryBeforeCrash).toBeGreaterThan(0.9)
  })

  it('a broken rule stops the run and prints the command that replays it', () => {
    // Failure detection slower than the repair bound, and no crash notice: subscribers below a
    // crashed node are still unreachable when the bound has passed.
    const broken = { ...SMALL, seed: 2, network: { crashNotice: false }, core: { failureTimeoutMs: 60_000, childTimeoutMs: 120_000 } }
    let failure: unknown
    try { runScenario(broken) } catch (err) { failure = err }
    expect(failure).toBeInstanceOf(ScenarioFailure)
    expect((failure as ScenarioFailure).replay).toBe(replayCommand(scenario(broken)))
    expect((failure as Error).message).toMatch(/not reachable|hangs below crashed node/)
    expect((failure as ScenarioFailure).replay).toContain('--seed 2')
  })
})

describe('invariant checks', () => {
  function settled (): Simulator {
    const sim = new Simulator({ seed: 4 })
    for (let i = 0; i < 60; i++) sim.addNode()
    sim.bootstrap()
    for (let i = 0; i < 30; i++) sim.nodes[i].driver.input((core, now) => core.subscribe(now, 't'))
    sim.run(3000)
    return sim
  }

  it('detect a cycle of parent edges', () => {
    const sim = settled()
    checkAcyclic(sim)
    // Point the root at one of its children: a two-node cycle.
    const root = sim.nodes.find(n => n.core.topicState('t')?.isRoot === true)
    const state = root?.core.topicState('t') as { parent: string | null, attached: boolean, isRoot: boolean, children: Map<string, unknown> }
    const child = [...state.children.keys()][0]
    state.parent = child
    state.isRoot = false
    expect(() => checkAcyclic(sim)).toThrow(InvariantViolation)
  })

  it('detect a subscriber cut off from its root', () => {
    const sim = settled()
    const subs = new Map([['t', Array.from({ length: 30 }, (_, i) => i)]])
    checkReachable(sim, ['t'], subs)
    const interior = sim.nodes.find(n => { const t = n.core.topicState('t'); return t !== undefined && !t.isRoot && t.children.size > 0 })
    sim.crash(interior?.index as number)
    expect(() => checkReachable(sim, ['t'], subs)).toThrow(/hangs below crashed node/)
  })
})
