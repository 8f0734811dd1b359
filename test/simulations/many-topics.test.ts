// The common deployment: tens to hundreds of nodes, thousands of topics (issue 11). Every
// node is root of hundreds of trees and a child in thousands; runs with the wire codec on, so
// a message over a schema bound would be counted as malformed and lost.
import { describe, expect, it } from 'vitest'
import { CORE_DEFAULTS } from '../../src/core/defaults.ts'
import { runScenario } from '../../simulations/scenario.ts'
import type { SimReport } from '../../simulations/scenario.ts'

/** Every subscriber served before the crash and after repair, within the bound, in shallow trees within the cap. */
function expectHealthy (r: SimReport): void {
  expect(r.deliveryBeforeCrash).toBe(1)
  expect(r.deliveryAfterRepair).toBe(1)
  expect(r.unrepaired).toBe(0)
  expect(r.repairMs.max as number).toBeLessThanOrEqual(r.repairBoundMs)
  expect(r.maxDepth).toBeLessThanOrEqual(8)
  expect(r.maxChildren).toBeLessThanOrEqual(CORE_DEFAULTS.maxChildren)
}

describe('thousands of topics on a few nodes', () => {
  it('30 peers x 12,000 topics, 10% crash: shallow trees, the per-topic cap, bounded control traffic, every subscriber repaired', () => {
    const r = runScenario({ peers: 30, topics: 12_000, crash: 0.1, publishIntervalMs: 4000, wire: true })
    expectHealthy(r)
    // It was 597 before replicas were batched and sent on change, and roots told publishers with refreshes.
    expect(r.controlPerPeerPerSec).toBeLessThanOrEqual(60)
    expect(r.controlByType.replica ?? 0).toBeLessThan(2)
  })

  it('100 peers x 6,000 topics, 5% crash: shallow trees within the cap, every subscriber repaired within the bound', () => {
    const r = runScenario({ peers: 100, topics: 6000, crash: 0.05, publishIntervalMs: 2000, wire: true })
    expectHealthy(r)
  })
})
