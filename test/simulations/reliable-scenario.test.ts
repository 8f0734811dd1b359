// `meshcast sim --reliable` (issue 12): every subscription reliable, every publish
// acknowledged. In the same disrupted scenario the best-effort run loses messages while trees
// repair and the reliable run loses none of the acknowledged ones, with nothing delivered twice
// or out of order; a partition (which best effort reorders at the heal) is delivered in order.
import { describe, expect, it } from 'vitest'
import { runScenario } from '../../simulations/scenario.ts'

const SMALL = { peers: 200, topics: 20, publishStartMs: 4000, crashAtMs: 6000, endMs: 11_000 }

describe('sim --reliable', () => {
  it('a 20% crash: best effort loses while trees repair; reliable loses no acknowledged message', () => {
    const plain = runScenario({ ...SMALL, crash: 0.2, seed: 3 })
    const reliable = runScenario({ ...SMALL, crash: 0.2, seed: 3, reliable: true })
    expect(plain.lossDuringRepair).toBeGreaterThan(0)
    expect(reliable.acked).toBeGreaterThan(300)
    expect(reliable.ackFailed).toBe(0)
    expect(reliable.ackedLost).toBe(0)
    expect(reliable.deliveryDuringRepair).toBe(1)
    expect(reliable.duplicatesDelivered).toBe(0)
    expect(reliable.outOfOrderDelivered).toBe(0)
  })

  it('churn rounds after the crash: nothing acknowledged is lost, nothing twice, nothing out of order', () => {
    // The run goes on 6 s after the last churn round: a subscriber that joined in a round may
    // wait up to reliableAttempts x reliableWaitMs on a number published before it subscribed,
    // holding what came after it; a window that ends earlier counts those held messages as lost.
    const r = runScenario({ ...SMALL, crash: 0.1, seed: 4, churnRounds: 3, churnEveryMs: 1000, endMs: 16_000, reliable: true })
    expect(r.acked).toBeGreaterThan(300)
    expect(r.ackedLost).toBe(0)
    expect(r.duplicatesDelivered).toBe(0)
    expect(r.outOfOrderDelivered).toBe(0)
  })

  it('order holds across a partition and its heal (best effort included)', () => {
    const r = runScenario({ ...SMALL, crash: 0, seed: 1, partitionFraction: 0.3, partitionAtMs: 6500, partitionMs: 2000 })
    expect(r.duplicatesDelivered).toBe(0)
    expect(r.outOfOrderDelivered).toBe(0)
  })
})
