// Claims about a topic's root from a hostile peer (issue 14, item 3). The hostile node is a
// member of the mesh (it has a grant: an authorised but malicious node, the only kind that gets
// in) and is farther from the topic's key than its victims. It sends an unsolicited RootInfo
// (to draw a publisher's messages to itself), a JoinAck that says it replaces a subscriber's
// parent (to steal the subscriber), and a Replica (to be taken over later). None works, and the
// honest nodes' deliveries are checked after each.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { peerIdFromString } from '@libp2p/peer-id'
import { compareDistance, idFromBytes, topicKey } from '../../src/core/id.ts'
import { createTestnet } from '../../src/index.ts'
import type { MeshNode, Testnet } from '../../src/index.ts'
import { appMessagesOf } from '../../src/security/signed-messages.ts'
import { sendRaw } from '../helpers/hostile.ts'
import { until } from '../helpers/until.ts'

let net: Testnet
let root: MeshNode, victim: MeshNode, hostile: MeshNode
/** The topic: its key is closest to root, then victim, then hostile. */
let topic = ''
/** Messages of `topic` that reached the hostile node. */
let stolen = 0

const idOf = (n: MeshNode): Uint8Array => idFromBytes(peerIdFromString(n.peerId).toMultihash().bytes)

beforeAll(async () => {
  net = await createTestnet(3, { lan: false })
  // The roles follow from the topic's key: the closest node is its root, the next the victim.
  topic = 'claims'
  const key = topicKey(topic)
  ;[root, victim, hostile] = [...net.nodes].sort((a, b) => compareDistance(idOf(a), idOf(b), key))
  const admit = hostile.guard.admit.bind(hostile.guard)
  hostile.guard.admit = (now, from, msg) => {
    for (const m of appMessagesOf(msg)) if (m.topic === topic) stolen++
    return admit(now, from, msg)
  }
})
afterAll(async () => { await net.stop() })

describe('root claims from a hostile member', () => {
  it('an unsolicited RootInfo does not draw the publisher\'s messages', async () => {
    const got: string[] = []
    const sub = root.subscribe(topic, { callback: (_e, m) => { got.push(m.string()) } })
    await sub.ready
    // Before the victim ever publishes, and again after its first publish.
    sendRaw(hostile, victim.peerId, [{ type: 'rootInfo', topic, subscribers: 1 }])
    await victim.publish(topic, 'm1')
    sendRaw(hostile, victim.peerId, [{ type: 'rootInfo', topic, subscribers: 1 }, { type: 'heartbeat', topics: [], counts: [], roots: [{ topic, subscribers: 1, via: '', queues: [] }] }])
    await until('the hostile node\'s claims arrived', () => victim.stats().core.received.rootInfo >= 2, 10_000)
    for (let i = 2; i <= 20; i++) await victim.publish(topic, `m${i}`)
    await until('every message reaches the subscriber', () => got.length === 20, 10_000)
    expect(got).toEqual(Array.from({ length: 20 }, (_, i) => `m${i + 1}`))
    expect(stolen).toBe(0)
    sub.unsubscribe()
  })

  it('a JoinAck that "replaces" the subscriber\'s parent does not take the subscriber', async () => {
    const t2 = topic
    const got: string[] = []
    const sub = victim.subscribe(t2, { callback: (_e, m) => { got.push(m.string()) } })
    await sub.ready
    await until('the victim hangs below the root', () => victim.topics().find(t => t.topic === t2)?.parent === root.peerId, 10_000)
    sendRaw(hostile, victim.peerId, [{ type: 'joinAck', topic: t2, attached: true, path: [hostile.peerId], replaces: root.peerId, delegate: false, withdraw: false }])
    await until('the claim arrived', () => victim.stats().core.received.joinAck >= 1, 10_000)
    await root.publish(t2, 'after the claim')
    await until('the message arrives through the real root', () => got.includes('after the claim'), 10_000)
    expect(victim.topics().find(t => t.topic === t2)?.parent).toBe(root.peerId)
    sub.unsubscribe()
  })

  it('a forged Replica does not make the victim take the topic over when the claimant goes', async () => {
    const t3 = `${topic}`
    sendRaw(hostile, victim.peerId, [{ type: 'replica', entries: [{ topic: t3, children: [hostile.peerId], dropped: false, rank: 0, more: false }] }])
    await until('the replica arrived', () => victim.stats().core.received.replica >= 1, 10_000)
    const before = victim.stats().core.rootTakeovers
    await hostile.stop()
    // A held replica of rank 0 is taken over as soon as its root is taken as failed: when the
    // victim's routing table drops the claimant.
    await until('the victim dropped the claimant', () => !victim.peers().includes(hostile.peerId) && victim.stats().routingTable === 1, 15_000)
    expect(victim.stats().core.rootTakeovers).toBe(before)
    expect(victim.topics().find(t => t.topic === t3)?.role).not.toBe('root')
  })
})
