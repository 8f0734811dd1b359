// A forged ROUTE-ACK from a hostile member (issue 14, item 3). A routed publish stays in flight
// until the hop it went to acknowledges it; a hop that stays silent is routed around. A hostile
// member that is not the hop acknowledges the publish in the hop's place, to have it dropped:
// the publisher ignores it, routes around the silent hop, and the message is delivered.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { peerIdFromString } from '@libp2p/peer-id'
import { compareDistance, idFromBytes, topicKey } from '../../src/core/id.ts'
import { createTestnet } from '../../src/index.ts'
import type { MeshNode, Testnet } from '../../src/index.ts'
import type { AppMessage } from '../../src/core/wire/types.ts'
import { sendRaw } from '../helpers/hostile.ts'
import { until } from '../helpers/until.ts'

let net: Testnet
const idOf = (n: MeshNode): Uint8Array => idFromBytes(peerIdFromString(n.peerId).toMultihash().bytes)

beforeAll(async () => { net = await createTestnet(4, { lan: false }) })
afterAll(async () => { await net.stop() })

describe('ROUTE-ACK from a hostile member', () => {
  it('does not cancel a publish whose hop stayed silent: it is routed around and delivered', async () => {
    const topic = 'acks'
    // By distance to the key: the root (the publisher's first hop), a subscriber, the hostile
    // member, the publisher (farthest: it routes to the root, which it knows is closest).
    const [hop, subscriber, hostile, publisher] = [...net.nodes].sort((a, b) => compareDistance(idOf(a), idOf(b), topicKey(topic)))
    await until('every node knows the others', () => net.nodes.every(n => n.stats().routingTable === 3), 20_000)
    const got: string[] = []
    const sub = subscriber.subscribe(topic, { callback: (_e, m) => { got.push(m.string()) } })
    await sub.ready

    // The hop loses the publisher's first PUBLISH (it never acknowledges it).
    let lost: AppMessage | undefined
    const admit = hop.guard.admit.bind(hop.guard)
    hop.guard.admit = (now, from, msg) => {
      if (lost === undefined && from === publisher.peerId && msg.type === 'publish' && msg.message.topic === topic) {
        lost = msg.message
        return 'taken'
      }
      return admit(now, from, msg)
    }
    const acksBefore = publisher.stats().core.received.routeAck ?? 0
    await publisher.publish(topic, 'one')
    await until('the hop lost the publish', () => lost !== undefined, 10_000)
    if (lost === undefined) throw new Error('unreachable')
    // The hostile member acknowledges it in the hop's place, at once.
    sendRaw(hostile, publisher.peerId, [{ type: 'routeAck', topic, publisher: publisher.peerId, seq: lost.seq }])
    await until('the forged acknowledgement arrived', () => (publisher.stats().core.received.routeAck ?? 0) > acksBefore, 10_000)
    // The publisher still routes around the silent hop (after its deadline, about 2 s).
    await until('the message is delivered', () => got.includes('one'), 20_000)
    expect(got).toEqual(['one'])
    sub.unsubscribe()
  })
})
