// The report's delivery figures that leave nothing out: delivery during repair (every message
// from the crash to the end of publishing), duplicate and out-of-order deliveries.
import { describe, expect, it } from 'vitest'
import { runScenario, scenario, ScenarioFailure, replayCommand } from '../../simulations/scenario.ts'
import type { SimReport } from '../../simulations/scenario.ts'
import type { Simulator } from '../../simulations/simulator.ts'
import { simScenario } from '../../src/cli/sim.ts'

const TINY = { peers: 100, topics: 10, crash: 0, seed: 1 }
const SMALL = { peers: 200, topics: 20, publishStartMs: 4000, crashAtMs: 6000, endMs: 11_000 }

describe('delivery during repair', () => {
  it('is 1 when nothing is disrupted: every ready subscriber gets every message', () => {
    const r = runScenario(TINY)
    expect(r.expectedDuringRepair).toBeGreaterThan(1000)
    expect(r.lossDuringRepair).toBe(0)
    expect(r.deliveryDuringRepair).toBe(1)
    expect(r.deliveryAfterRepair).toBe(1)
    expect(r.duplicatesDelivered).toBe(0)
    expect(r.outOfOrderDelivered).toBe(0)
  })

  it('sees the loss while trees repair, which delivery after repair leaves out', () => {
    const r = runScenario({ ...SMALL, crash: 0.2, seed: 3 })
    expect(r.deliveryAfterRepair).toBe(1)
    expect(r.lossDuringRepair).toBeGreaterThan(0)
    expect(r.deliveryDuringRepair).toBeLessThan(r.deliveryAfterRepair)
    expect(r.deliveryDuringRepair).toBeCloseTo(1 - r.lossDuringRepair / r.expectedDuringRepair, 6)
    // Crashed subscribers are not expected: fewer pairs than in the same run without the crash.
    const calm = runScenario({ ...SMALL, crash: 0, seed: 3 })
    expect(calm.deliveryDuringRepair).toBe(1)
    expect(r.expectedDuringRepair).toBeLessThan(calm.expectedDuringRepair)
  })
})

describe('duplicate and out-of-order deliveries in a run', () => {
  /** Runs TINY with the deliver hook wrapped by `wrap` (which gets the scenario's own hook). */
  function runWrapped (wrap: (deliver: NonNullable<Simulator['hooks']['deliver']>, sim: Simulator) => Simulator['hooks']['deliver'], over = {}): SimReport {
    return runScenario({ ...TINY, ...over }, {
      instrument: sim => { sim.hooks.deliver = wrap(sim.hooks.deliver as NonNullable<Simulator['hooks']['deliver']>, sim) }
    })
  }

  it('are counted, and do not change the delivery figures', () => {
    const plain = runScenario(TINY)
    let doubled = 0
    const dup = runWrapped(deliver => (node, e, now) => {
      deliver(node, e, now)
      if (e.message.topic === 'topic-1') { deliver(node, e, now); doubled++ }
    })
    expect(doubled).toBeGreaterThan(0)
    expect(dup.duplicatesDelivered).toBe(doubled)
    expect(dup.outOfOrderDelivered).toBe(0)
    expect(dup.deliveries).toBe(plain.deliveries)
    expect(dup.deliveryDuringRepair).toBe(plain.deliveryDuringRepair)

    // Hold topic-1's message 5 at its first receiver until that node has had message 6.
    type Held = Parameters<NonNullable<Simulator['hooks']['deliver']>>
    let held: Held | undefined
    let released = 0
    const late = runWrapped(deliver => (node, e, now) => {
      const m = e.message
      if (m.topic === 'topic-1' && m.seq === 5 && held === undefined && released === 0) { held = [node, e, now]; return }
      deliver(node, e, now)
      if (held !== undefined && node === held[0] && m.topic === 'topic-1' && m.seq > 5) {
        deliver(...held)
        held = undefined
        released++
      }
    })
    expect(released).toBe(1)
    expect(late.outOfOrderDelivered).toBe(1)
    expect(late.duplicatesDelivered).toBe(0)
    expect(late.deliveries).toBe(plain.deliveries)
  })

  it('with strictDuplicates a duplicate stops the run and the replay command keeps the flag', () => {
    const over = { strictDuplicates: true }
    let failure: unknown
    try {
      runWrapped(deliver => (node, e, now) => { deliver(node, e, now); if (e.message.seq === 3) deliver(node, e, now) }, over)
    } catch (err) { failure = err }
    expect(failure).toBeInstanceOf(ScenarioFailure)
    expect((failure as Error).message).toMatch(/delivered message \d+ .* twice/)
    expect((failure as ScenarioFailure).replay).toBe(replayCommand(scenario({ ...TINY, ...over })))
    expect((failure as ScenarioFailure).replay).toContain('--strict-duplicates')
    // and `meshcast sim` reads that command back as the same scenario.
    const argv = (failure as ScenarioFailure).replay.split(' ').slice(3)
    expect(scenario(simScenario(argv).scenario)).toEqual(scenario({ ...TINY, ...over }))
  })
})
