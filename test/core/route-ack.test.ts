// ROUTE-ACK from the wrong peer (issue 14, item 3): only the hop a routed publish went to can
// acknowledge it. A forged acknowledgement from another peer leaves the publish in flight, so it
// is still routed around its silent hop; the real hop's acknowledgement ends it.
import { describe, expect, it } from 'vitest'
import { topicKey } from '../../src/core/id.ts'
import { MeshCore } from '../../src/core/mesh-core.ts'
import { Rng } from '../../src/core/rng.ts'

const TOPIC = 'orders'

/** A publisher whose only route toward the key is `hop` (closer to it), with `other` farther. */
function publisher (): { core: MeshCore, sentTo: () => string[], at: (t: number) => void } {
  const key = topicKey(TOPIC)
  const far = new Uint8Array(key).map(b => b ^ 0xff) // the farthest id from the key
  const near = new Uint8Array(key)
  near[31] ^= 1 // next to the key
  const mid = new Uint8Array(key)
  mid[0] ^= 0x40
  const core = new MeshCore({ ref: 'me', id: far, rng: new Rng(1), now: 0 })
  core.handlePeerUp(0, 'hop', near, 1)
  core.handlePeerUp(0, 'other', mid, 1)
  core.drainTransmits()
  let now = 0
  return {
    core,
    sentTo: () => core.drainTransmits().filter(t => t.msg.type === 'publish').map(t => t.to),
    at: t => { now = t; core.handleTimeout(now) }
  }
}

describe('ROUTE-ACK', () => {
  it('from a peer other than the hop, leaves the publish to be routed around the silent hop', () => {
    const p = publisher()
    p.core.publish(0, TOPIC, new Uint8Array([1]))
    expect(p.sentTo()).toEqual(['hop'])
    p.core.handleMessage(10, 'other', { type: 'routeAck', topic: TOPIC, publisher: 'me', seq: 1 })
    // 'hop' never answers: after the deadline the publish goes another way.
    for (let t = 100; t <= 10_000; t += 100) p.at(t)
    expect(p.sentTo()).toContain('other')
  })

  it('from the hop, ends it', () => {
    const p = publisher()
    p.core.publish(0, TOPIC, new Uint8Array([1]))
    expect(p.sentTo()).toEqual(['hop'])
    p.core.handleMessage(10, 'hop', { type: 'routeAck', topic: TOPIC, publisher: 'me', seq: 1 })
    for (let t = 100; t <= 10_000; t += 100) p.at(t)
    expect(p.sentTo()).not.toContain('other')
  })
})
