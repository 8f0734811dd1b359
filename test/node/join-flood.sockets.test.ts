// A peer that floods a node with JOINs for random topic names (issue 14, item 4): a real
// meshcast node sends 100,000 JOINs over its libp2p connection, in frames as the protocol has
// them. The victim keeps at most maxTopicsPerPeer topics for it, refuses and counts the rest,
// reports and disconnects the offender, and its other tree keeps delivering.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CORE_DEFAULTS } from '../../src/core/defaults.ts'
import { encodeFrame } from '../../src/core/wire/codec.ts'
import type { Msg } from '../../src/core/wire/types.ts'
import { createTestnet } from '../../src/index.ts'
import type { MeshNode, Testnet } from '../../src/index.ts'
import { peerIdFromString } from '@libp2p/peer-id'
import { compareDistance, idFromBytes, topicKey } from '../../src/core/id.ts'
import { until } from '../helpers/until.ts'

/** A topic whose root (the node closest to its key) is not `node`. */
function notRootedAt (node: MeshNode, nodes: MeshNode[]): string {
  const idOf = (n: MeshNode): Uint8Array => idFromBytes(peerIdFromString(n.peerId).toMultihash().bytes)
  for (let i = 0; i < 100_000; i++) {
    const key = topicKey(`orders-${i}`)
    if ([...nodes].sort((a, b) => compareDistance(idOf(a), idOf(b), key))[0] !== node) return `orders-${i}`
  }
  throw new Error('no topic found that is not rooted at the node')
}

let net: Testnet
beforeAll(async () => { net = await createTestnet(3, { lan: false }) })
afterAll(async () => { await net.stop() })

describe('a JOIN flood', () => {
  it('leaves the victim within its bounds, disconnects the offender, and the other tree works', async () => {
    const [victim, honest, hostile] = net.nodes
    const got: string[] = []
    // The honest tree must not be rooted at the offender (it is disconnected below).
    const orders = notRootedAt(hostile, net.nodes)
    const sub = victim.subscribe(orders, { callback: (_e, m) => { got.push(m.string()) } })
    await sub.ready
    await honest.publish(orders, 'before')
    await until('the honest tree delivers', () => got.includes('before'), 10_000)

    // 100,000 JOINs for names nobody uses, 4,000 to a frame.
    const send = (hostile as unknown as { transport: { send: (to: string, f: { bytes: Uint8Array, topics: string[], kind: 'control' }) => void } }).transport
    for (let f = 0; f < 25; f++) {
      const joins: Msg[] = Array.from({ length: 4000 }, (_, i) => ({ type: 'join', topic: `junk.${f}.${i}.${Math.random()}`, subscribers: 1, reliable: false }))
      send.send(victim.peerId, { bytes: encodeFrame(joins), topics: [], kind: 'control' })
    }
    await until('the victim disconnected the offender', () => victim.stats().peersBanned >= 1, 60_000)
    const s = victim.stats()
    const topics = victim.topics().length
    expect(topics).toBeLessThanOrEqual(CORE_DEFAULTS.maxTopicsPerPeer + 10) // the bound, plus its own
    expect(s.core.joinsRefused).toBeGreaterThanOrEqual(1000)
    expect(s.core.peersReported).toBeGreaterThanOrEqual(1)
    expect(s.banned).toBe(1)

    // The honest tree still works.
    await honest.publish(orders, 'after')
    await until('the honest tree still delivers', () => got.includes('after'), 20_000)
    sub.unsubscribe()
  })

  it('a heartbeat flood (random topic names in a child\'s refresh) meets the same bounds', async () => {
    const other = await createTestnet(3, { lan: false })
    try {
      const [victim, honest, hostile] = other.nodes
      const got: string[] = []
      // The honest tree must not be rooted at the offender (it is disconnected below).
      const orders = notRootedAt(hostile, other.nodes)
      const sub = victim.subscribe(orders, { callback: (_e, m) => { got.push(m.string()) } })
      await sub.ready
      const send = (hostile as unknown as { transport: { send: (to: string, f: { bytes: Uint8Array, topics: string[], kind: 'control' }) => void } }).transport
      for (let f = 0; f < 25; f++) {
        const topics = Array.from({ length: 4000 }, (_, i) => `hb.${f}.${i}.${Math.random()}`)
        send.send(victim.peerId, { bytes: encodeFrame([{ type: 'heartbeat', topics, counts: topics.map(() => 1), roots: [] }]), topics: [], kind: 'control' })
      }
      await until('the victim disconnected the offender', () => victim.stats().peersBanned >= 1, 60_000)
      expect(victim.topics().length).toBeLessThanOrEqual(CORE_DEFAULTS.maxTopicsPerPeer + 10)
      expect(victim.stats().core.joinsRefused).toBeGreaterThanOrEqual(1000)
      await honest.publish(orders, 'after')
      await until('the honest tree still delivers', () => got.includes('after'), 20_000)
      sub.unsubscribe()
    } finally {
      await other.stop()
    }
  })
})
