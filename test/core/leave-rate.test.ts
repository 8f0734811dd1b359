// A node that gets a topic's data from a peer that is not its parent (a former parent, or a
// peer sending a topic it holds no state for) tells it to stop, at most once per heartbeat
// interval: a burst from a former parent cost one LEAVE per message.
import { describe, expect, it } from 'vitest'
import { CORE_DEFAULTS } from '../../src/core/defaults.ts'
import { MeshCore } from '../../src/core/mesh-core.ts'
import { Rng } from '../../src/core/rng.ts'

const TOPIC = 'left'
describe('a former parent that keeps sending', () => {
  it('hears one LEAVE per heartbeat interval, not one per message', () => {
    const core = new MeshCore({ ref: 'me', id: new Uint8Array(32), rng: new Rng(1), now: 0 })
    core.subscribe(0, TOPIC)
    core.drainTransmits()
    const leaves = (): number => core.drainTransmits().filter(t => t.msg.type === 'leave' && t.to === 'former').length
    const data = (seq: number, now: number): void => {
      core.handleMessage(now, 'former', { type: 'data', message: { topic: TOPIC, publisher: 'pub', epoch: 1, seq, payload: new Uint8Array(), headers: [] } })
    }
    for (let s = 1; s <= 100; s++) data(s, s) // 100 messages within 100 ms
    expect(leaves()).toBe(1)
    data(101, CORE_DEFAULTS.heartbeatIntervalMs + 1)
    expect(leaves()).toBe(1)
    // A topic we hold no state for: the same.
    for (let s = 1; s <= 50; s++) core.handleMessage(1000 + s, 'former', { type: 'data', message: { topic: 'unknown', publisher: 'pub', epoch: 1, seq: s, payload: new Uint8Array(), headers: [] } })
    expect(leaves()).toBe(1)
  })
})
